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
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;

/**
 * {@code exo-etl sync}: publishes a prepare output ({@code data/**.parquet} and the dataset card)
 * to a Hugging Face dataset repo, sending only what changed (see {@link HubSync} and docs/hub.md).
 * Reads the token and endpoint from the environment given to it (the process environment by
 * default).
 */
public final class SyncCommand implements Command {
  private final Map<String, String> environment;
  private final RetryPolicy retry;

  public SyncCommand() {
    this(System.getenv(), RetryPolicy.standard());
  }

  /** For tests: a fixed environment and a fast retry policy. */
  public SyncCommand(Map<String, String> environment, RetryPolicy retry) {
    this.environment = Map.copyOf(environment);
    this.retry = retry;
  }

  @Override
  public String name() {
    return "sync";
  }

  @Override
  public String summary() {
    return "Upload a prepare output to a Hugging Face dataset repo (only what changed)";
  }

  @Override
  public String usage() {
    return String.join(
        "\n",
        "usage: exo-etl sync --output URI --repo NS/NAME [--revision main] [--private] [--dry-run] [--message TEXT]",
        "                    [--parallel N]",
        "",
        "Uploads <output>/data/**/*.parquet (always via LFS) and <output>/README.md (the dataset card) to the",
        "dataset repo NS/NAME, one commit per participant folder (at most "
            + CommitPayload.MAX_OPERATIONS
            + " files each),",
        "deleting remote data/ files that no longer exist locally. Files the repo already has are skipped;",
        "a killed run is finished by running it again. The output must hold the _SUCCESS marker.",
        "",
        "  --output URI      prepare output: file:/..., s3a://bucket/prefix or a plain path",
        "  --repo NS/NAME    dataset repo, created if missing",
        "  --revision REV    branch to commit to (default main)",
        "  --private         create the repo private (an existing repo keeps its visibility)",
        "  --dry-run         print the plan; send no write request",
        "  --message TEXT    description of every commit",
        "  --parallel N      files hashed and uploaded at a time (1-16, default "
            + SyncOptions.DEFAULT_PARALLEL_UPLOADS
            + ")",
        "",
        "Token: HF_TOKEN, HUGGING_FACE_HUB_TOKEN, the file HF_TOKEN_PATH, else $HF_HOME/token.",
        "Endpoint: HF_ENDPOINT (default https://huggingface.co).",
        "",
        "examples:",
        "  exo-etl sync --output out/phase1 --repo macexo/exo-phase1 --dry-run",
        "  HF_TOKEN=hf_... exo-etl sync --output s3a://lab/exo/phase1 --repo macexo/exo-phase1 --private",
        "  HF_ENDPOINT=http://127.0.0.1:8088 exo-etl sync --output out/phase1 --repo macexo/test   (see dev-hub)");
  }

  @Override
  public int run(List<String> raw, PrintStream out) {
    Args args =
        Args.parse(
            raw,
            Set.of("--output", "--repo", "--revision", "--message", "--parallel"),
            Set.of("--private", "--dry-run"));
    SyncOptions options = options(args);
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

  private static SyncOptions options(Args args) {
    try {
      SyncOptions options =
          SyncOptions.of(args.required("--output"), RepoId.parse(args.required("--repo")))
              .withRevision(args.value("--revision").orElse(SyncOptions.DEFAULT_REVISION))
              .withPrivate(args.has("--private"))
              .withDryRun(args.has("--dry-run"))
              .withParallelUploads(
                  args.intValue("--parallel", SyncOptions.DEFAULT_PARALLEL_UPLOADS, 1, 16));
      return args.value("--message").map(options::withMessage).orElse(options);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
