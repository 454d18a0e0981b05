package io.macexo.exoetl.cli;

import io.macexo.exoetl.hub.HubClient;
import io.macexo.exoetl.hub.HubEnvironment;
import io.macexo.exoetl.hub.HubSync;
import io.macexo.exoetl.hub.HubTimeouts;
import io.macexo.exoetl.hub.HubToken;
import io.macexo.exoetl.hub.RepoId;
import io.macexo.exoetl.hub.RetryPolicy;
import io.macexo.exoetl.hub.SyncOptions;
import io.macexo.exoetl.hub.Visibility;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code exo-etl sync}: publishes a prepare output ({@code data/**.parquet}, the dataset card and
 * the description files) to a Hugging Face dataset repo, sending only what changed and deleting
 * only what an earlier sync wrote (see {@link HubSync} and docs/hub.md). Reads the token and
 * endpoint from the environment given to it (the process environment by default).
 */
@Command(
    name = "sync",
    description = {
      "Upload a prepare output to a Hugging Face dataset repo (only what changed).",
      "",
      "Uploads <output>/data/**/*.parquet (always via LFS), the dataset card (rendered for the repo) and"
          + " metadata.json, stats.json, splits.json, trials/trials.parquet to the dataset repo NS/NAME:"
          + " one participant per commit (more when they are small; 20-1000 files a commit, adapted),"
          + " the card last. Files the repo already has are skipped; a killed run is finished by"
          + " running it again. The output must hold the _SUCCESS marker. The repo keeps"
          + " .exo-etl/sync.json, the list of files sync wrote: sync deletes or replaces only those,"
          + " and refuses a repo holding data files no sync wrote.",
      "",
      "Token: HF_TOKEN, HUGGING_FACE_HUB_TOKEN, the file HF_TOKEN_PATH, else $HF_HOME/token.",
      "Endpoint: HF_ENDPOINT (default https://huggingface.co).",
      "An s3a: output is read with the spark.hadoop.* settings of --conf (endpoint, keys)."
    },
    footer = {
      "  exo-etl sync --output out/phase1 --repo macexo/exo-phase1 --dry-run",
      "  HF_TOKEN=hf_... exo-etl sync --output s3a://lab/exo/phase1 --repo macexo/exo-phase1 --private"
          + " --tag v1",
      "  HF_ENDPOINT=http://127.0.0.1:8088 exo-etl sync --output out/phase1 --repo macexo/test   (see"
          + " dev-hub)"
    })
public final class SyncCommand implements Subcommand {
  private static final int MOST_PARALLEL_UPLOADS = 16;
  private static final double A_DAY = 86_400;

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
      paramLabel = "BRANCH",
      description = "branch to commit to (default ${DEFAULT-VALUE}); created from main if missing")
  String revision = SyncOptions.DEFAULT_REVISION;

  @Option(
      names = "--private",
      description = "make a repo sync creates private (default: the namespace's default)")
  boolean makePrivate;

  @Option(names = "--public", description = "make a repo sync creates public")
  boolean makePublic;

  @Option(names = "--dry-run", description = "print the plan; send no write request")
  boolean dryRun;

  @Option(names = "--message", paramLabel = "TEXT", description = "description of every commit")
  String message;

  @Option(
      names = "--tag",
      paramLabel = "NAME",
      description = "tag the final commit, so training can pin revision=\"NAME\"")
  String tag;

  @Option(
      names = "--force",
      description = "take over files no exo-etl sync wrote (they are replaced or deleted)")
  boolean force;

  @Option(names = "--prune", description = "allow deleting more than half of the remote data files")
  boolean prune;

  @Option(
      names = "--parallel",
      paramLabel = "N",
      description =
          "files hashed and uploaded at a time (1-"
              + MOST_PARALLEL_UPLOADS
              + ", default ${DEFAULT-VALUE})")
  int parallel = SyncOptions.DEFAULT_PARALLEL_UPLOADS;

  @Option(
      names = "--connect-timeout",
      paramLabel = "S",
      description = "seconds to connect (default ${DEFAULT-VALUE})")
  double connectTimeout = HubTimeouts.DEFAULT_CONNECT.toSeconds();

  @Option(
      names = "--read-timeout",
      paramLabel = "S",
      description =
          "seconds a request may go without progress before it is cut and retried, storage PUTs"
              + " included (default ${DEFAULT-VALUE})")
  double readTimeout = HubTimeouts.DEFAULT_READ.toSeconds();

  @Option(
      names = "--max-rate-limit-wait",
      paramLabel = "S",
      description =
          "seconds to wait in all for the Hub's rate limits on one request or commit before"
              + " stopping; running again later finishes (default ${DEFAULT-VALUE})")
  double maxRateLimitWait = RetryPolicy.DEFAULT_MAX_RATE_LIMIT_WAIT.toSeconds();

  @Mixin ConfigFileOption conf;

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
    HubTimeouts timeouts =
        new HubTimeouts(
            seconds("--connect-timeout", connectTimeout, 0.1),
            seconds("--read-timeout", readTimeout, 0.1));
    RetryPolicy policy =
        retry.withMaxRateLimitWait(seconds("--max-rate-limit-wait", maxRateLimitWait, 0));
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
    HubClient client = new HubClient(env.endpoint(), token, policy, timeouts, out::println);
    new HubSync(client, options, hadoopSettings(), policy, out).run();
    return ExitCode.DONE;
  }

  /**
   * The {@code spark.hadoop.*} settings of {@code --conf} (an S3 endpoint and keys, say) as Hadoop
   * settings, so sync reads an {@code s3a:} output the way prepare wrote it; sync starts no Spark.
   */
  private Configuration hadoopSettings() {
    Configuration hadoop = new Configuration();
    String prefix = "spark.hadoop.";
    conf.load(null)
        .spark()
        .conf()
        .forEach(
            (key, value) -> {
              if (key.startsWith(prefix)) {
                hadoop.set(key.substring(prefix.length()), value);
              }
            });
    return hadoop;
  }

  /** The parsed flags as {@link SyncOptions}; a bad repo id or revision is a usage error. */
  SyncOptions options() {
    if (makePrivate && makePublic) {
      throw new UsageException("--private and --public exclude each other");
    }
    try {
      SyncOptions options =
          SyncOptions.of(output, RepoId.parse(repo))
              .withRevision(revision)
              .withVisibility(
                  makePrivate
                      ? Visibility.PRIVATE
                      : makePublic ? Visibility.PUBLIC : Visibility.DEFAULT)
              .withDryRun(dryRun)
              .withForce(force)
              .withPrune(prune)
              .withTag(tag)
              .withParallelUploads(
                  FlagChecks.between("--parallel", parallel, 1, MOST_PARALLEL_UPLOADS));
      return message == null ? options : options.withMessage(message);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** A duration flag given in (possibly fractional) seconds, from {@code min} to a day. */
  private static Duration seconds(String flag, double value, double min) {
    return Duration.ofMillis(Math.round(FlagChecks.between(flag, value, min, A_DAY) * 1000));
  }
}
