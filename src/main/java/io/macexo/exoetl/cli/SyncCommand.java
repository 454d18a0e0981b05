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
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;

/**
 * {@code exo-etl sync}: publishes a prepare output ({@code data/**.parquet}, the dataset card and
 * the description files) to a Hugging Face dataset repo, sending only what changed and deleting
 * only what an earlier sync wrote (see {@link HubSync} and docs/hub.md). Reads the token and
 * endpoint from the environment given to it (the process environment by default).
 */
public final class SyncCommand implements Command {
  private static final Set<String> VALUE_FLAGS =
      Set.of(
          "--output",
          "--repo",
          "--revision",
          "--message",
          "--parallel",
          "--tag",
          "--connect-timeout",
          "--read-timeout",
          "--max-rate-limit-wait");
  private static final Set<String> SWITCHES =
      Set.of("--private", "--public", "--dry-run", "--force", "--prune");

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
        "usage: exo-etl sync --output URI --repo NS/NAME [--revision main] [--private|--public] [--dry-run]",
        "                    [--message TEXT] [--tag NAME] [--force] [--prune] [--parallel N]",
        "                    [--connect-timeout S] [--read-timeout S] [--max-rate-limit-wait S]",
        "",
        "Uploads <output>/data/**/*.parquet (always via LFS), README.md (the dataset card) and metadata.json,",
        "stats.json, splits.json, trials/trials.parquet to the dataset repo NS/NAME: one participant per",
        "commit (more when they are small; 20-1000 files a commit, adapted), the card last. Files the repo",
        "already has are skipped; a killed run is finished by running it again. The output must hold the",
        "_SUCCESS marker. The repo keeps .exo-etl/sync.json, the list of files sync wrote: sync deletes or",
        "replaces only those, and refuses a repo holding data files no sync wrote.",
        "",
        "  --output URI            prepare output: file:/..., s3a://bucket/prefix or a plain path",
        "  --repo NS/NAME          dataset repo, created if missing",
        "  --revision BRANCH       branch to commit to (default main); created from main if missing",
        "  --private, --public     visibility of a repo sync creates (default: the namespace's default)",
        "  --dry-run               print the plan; send no write request",
        "  --message TEXT          description of every commit",
        "  --tag NAME              tag the final commit, so training can pin revision=\"NAME\"",
        "  --force                 take over files no exo-etl sync wrote (they are replaced or deleted)",
        "  --prune                 allow deleting more than half of the remote data files",
        "  --parallel N            files hashed and uploaded at a time (1-16, default "
            + SyncOptions.DEFAULT_PARALLEL_UPLOADS
            + ")",
        "  --connect-timeout S     seconds to connect (default "
            + HubTimeouts.DEFAULT_CONNECT.toSeconds()
            + ")",
        "  --read-timeout S        seconds a request may go without progress before it is cut and retried",
        "                          (default "
            + HubTimeouts.DEFAULT_READ.toSeconds()
            + "; storage PUTs included)",
        "  --max-rate-limit-wait S seconds to wait in all for the Hub's rate limits on one request or commit",
        "                          before stopping; running again later finishes (default "
            + RetryPolicy.DEFAULT_MAX_RATE_LIMIT_WAIT.toSeconds()
            + ")",
        "",
        "Token: HF_TOKEN, HUGGING_FACE_HUB_TOKEN, the file HF_TOKEN_PATH, else $HF_HOME/token.",
        "Endpoint: HF_ENDPOINT (default https://huggingface.co).",
        "",
        "examples:",
        "  exo-etl sync --output out/phase1 --repo macexo/exo-phase1 --dry-run",
        "  HF_TOKEN=hf_... exo-etl sync --output s3a://lab/exo/phase1 --repo macexo/exo-phase1 --private --tag v1",
        "  HF_ENDPOINT=http://127.0.0.1:8088 exo-etl sync --output out/phase1 --repo macexo/test   (see dev-hub)");
  }

  @Override
  public int run(List<String> raw, PrintStream out) {
    Args args = Args.parse(raw, VALUE_FLAGS, SWITCHES);
    SyncOptions options = options(args);
    HubTimeouts timeouts =
        new HubTimeouts(
            seconds(args, "--connect-timeout", HubTimeouts.DEFAULT_CONNECT, 0.1),
            seconds(args, "--read-timeout", HubTimeouts.DEFAULT_READ, 0.1));
    RetryPolicy policy =
        retry.withMaxRateLimitWait(
            seconds(args, "--max-rate-limit-wait", RetryPolicy.DEFAULT_MAX_RATE_LIMIT_WAIT, 0));
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
    new HubSync(client, options, new Configuration(), policy, out).run();
    return ExitCode.DONE;
  }

  private static SyncOptions options(Args args) {
    if (args.has("--private") && args.has("--public")) {
      throw new UsageException("--private and --public exclude each other");
    }
    try {
      SyncOptions options =
          SyncOptions.of(args.required("--output"), RepoId.parse(args.required("--repo")))
              .withRevision(args.value("--revision").orElse(SyncOptions.DEFAULT_REVISION))
              .withVisibility(
                  args.has("--private")
                      ? Visibility.PRIVATE
                      : args.has("--public") ? Visibility.PUBLIC : Visibility.DEFAULT)
              .withDryRun(args.has("--dry-run"))
              .withForce(args.has("--force"))
              .withPrune(args.has("--prune"))
              .withTag(args.value("--tag").orElse(null))
              .withParallelUploads(
                  args.intValue("--parallel", SyncOptions.DEFAULT_PARALLEL_UPLOADS, 1, 16));
      return args.value("--message").map(options::withMessage).orElse(options);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** A duration flag given in (possibly fractional) seconds, from {@code min} to a day. */
  private static Duration seconds(Args args, String flag, Duration fallback, double min) {
    double value = args.doubleValue(flag, fallback.toMillis() / 1000.0, min, 86_400);
    return Duration.ofMillis(Math.round(value * 1000));
  }
}
