package io.macexo.exoetl.cli;

import io.macexo.exoetl.hub.CommitPayload;
import io.macexo.exoetl.hub.HubClient;
import io.macexo.exoetl.hub.HubEnvironment;
import io.macexo.exoetl.hub.HubSync;
import io.macexo.exoetl.hub.HubToken;
import io.macexo.exoetl.hub.RepoId;
import io.macexo.exoetl.hub.RetryPolicy;
import io.macexo.exoetl.hub.SyncOptions;
import java.io.PrintStream;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code exo-etl sync}: publishes a prepare output ({@code data/**.parquet} and the dataset card)
 * to a Hugging Face dataset repo, sending only what changed (see {@link HubSync} and docs/hub.md).
 * Reads the token and endpoint from the environment given to it (the process environment by
 * default).
 */
@Command(
    name = "sync",
    description = {
      "Upload a prepare output to a Hugging Face dataset repo (only what changed).",
      "",
      "Uploads <output>/data/**/*.parquet (always via LFS) and <output>/README.md (the dataset card) to"
          + " the dataset repo NS/NAME, one commit per participant folder (at most "
          + CommitPayload.MAX_OPERATIONS
          + " files each), deleting remote data/ files that no longer exist locally. Files the repo"
          + " already has are skipped; a killed run is finished by running it again. The output must"
          + " hold the _SUCCESS marker.",
      "",
      "Token: HF_TOKEN, HUGGING_FACE_HUB_TOKEN, the file HF_TOKEN_PATH, else $HF_HOME/token.",
      "Endpoint: HF_ENDPOINT (default https://huggingface.co)."
    },
    footer = {
      "  exo-etl sync --output out/phase1 --repo macexo/exo-phase1 --dry-run",
      "  HF_TOKEN=hf_... exo-etl sync --output s3a://lab/exo/phase1 --repo macexo/exo-phase1 --private",
      "  HF_ENDPOINT=http://127.0.0.1:8088 exo-etl sync --output out/phase1 --repo macexo/test   (see"
          + " dev-hub)"
    })
public final class SyncCommand implements Subcommand {
  private static final int MOST_PARALLEL_UPLOADS = 16;

  private final Map<String, String> environment;
  private final RetryPolicy retry;

  @Option(
      names = "--output",
      required = true,
      paramLabel = "URI",
      description = "prepare output: file:/..., s3a://bucket/prefix or a plain path")
  String output;

  @Option(
      names = "--repo",
      required = true,
      paramLabel = "NS/NAME",
      description = "dataset repo, created if missing")
  String repo;

  @Option(
      names = "--revision",
      paramLabel = "REV",
      description = "branch to commit to (default ${DEFAULT-VALUE})")
  String revision = SyncOptions.DEFAULT_REVISION;

  @Option(
      names = "--private",
      description = "create the repo private (an existing repo keeps its visibility)")
  boolean makePrivate;

  @Option(names = "--dry-run", description = "print the plan; send no write request")
  boolean dryRun;

  @Option(names = "--message", paramLabel = "TEXT", description = "description of every commit")
  String message;

  @Option(
      names = "--parallel",
      paramLabel = "N",
      description =
          "files hashed and uploaded at a time (1-"
              + MOST_PARALLEL_UPLOADS
              + ", default ${DEFAULT-VALUE})")
  int parallel = SyncOptions.DEFAULT_PARALLEL_UPLOADS;

  @Mixin HelpOption help;

  public SyncCommand() {
    this(System.getenv(), RetryPolicy.standard());
  }

  /** For tests: a fixed environment and a fast retry policy. */
  public SyncCommand(Map<String, String> environment, RetryPolicy retry) {
    this.environment = Map.copyOf(environment);
    this.retry = retry;
  }

  @Override
  public int run(PrintStream out) {
    SyncOptions options = options();
    HubEnvironment env = new HubEnvironment(environment);
    HubToken token =
        env.token()
            .orElseThrow(
                () ->
                    new UsageException(
                        "Cannot sync to "
                            + options.repo()
                            + ": no Hugging Face token; set HF_TOKEN or write one to "
                            + env.tokenPath()));
    HubClient client = new HubClient(env.endpoint(), token, retry, out::println);
    new HubSync(client, options, new Configuration(), retry, out).run();
    return ExitCode.DONE;
  }

  /** The parsed flags as {@link SyncOptions}; a bad repo id or revision is a usage error. */
  SyncOptions options() {
    try {
      SyncOptions options =
          SyncOptions.of(output, RepoId.parse(repo))
              .withRevision(revision)
              .withPrivate(makePrivate)
              .withDryRun(dryRun)
              .withParallelUploads(
                  FlagChecks.between("--parallel", parallel, 1, MOST_PARALLEL_UPLOADS));
      return message == null ? options : options.withMessage(message);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
