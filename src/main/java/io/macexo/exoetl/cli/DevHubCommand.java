package io.macexo.exoetl.cli;

import io.macexo.exoetl.hub.HubEnvironment;
import io.macexo.exoetl.hub.devhub.DevHubOptions;
import io.macexo.exoetl.hub.devhub.DevHubServer;
import io.macexo.exoetl.hub.devhub.RequestLog;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code exo-etl dev-hub}: runs the local Hub stand-in ({@link DevHubServer}) on 127.0.0.1 until
 * Ctrl-C (or until the running thread is interrupted), so {@code sync} and the official clients can
 * be tried without the real Hub.
 */
public final class DevHubCommand implements Command {
  private final Map<String, String> environment;

  public DevHubCommand() {
    this(System.getenv());
  }

  /** For tests: a fixed environment (where the default accepted token comes from). */
  public DevHubCommand(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  @Override
  public String name() {
    return "dev-hub";
  }

  @Override
  public String summary() {
    return "Run a local Hugging Face Hub stand-in for trying sync (127.0.0.1 only)";
  }

  @Override
  public String usage() {
    return String.join(
        "\n",
        "usage: exo-etl dev-hub --port N --storage DIR [--tokens hf_a,hf_b] [--multipart-threshold BYTES]",
        "                       [--chunk-size BYTES] [--page-size N] [--scoped-tokens hf_c] [--admin]",
        "                       [--request-log FILE]",
        "",
        "Serves repo create, preupload, LFS batch (basic and multipart), presigned PUT, verify, NDJSON commit,",
        "tree, paths-info, resolve, commits and repo info on http://127.0.0.1:N, keeping state under DIR",
        "(restart-safe). Runs until Ctrl-C.",
        "",
        "  --port N                   port to bind on 127.0.0.1 (0 = any free port)",
        "  --storage DIR              where blobs and commits live",
        "  --tokens LIST              accepted tokens (hf_...); default: the token sync would use (HF_TOKEN, ...)",
        "  --multipart-threshold B    objects of at least B bytes get a multipart upload (default 64 MiB)",
        "  --chunk-size B             multipart part size (default 16 MiB)",
        "  --page-size N              entries per tree page (default 1000)",
        "  --scoped-tokens LIST       tokens that may write repos but not create them (create answers 403)",
        "  --admin                    serve the test-only fault routes under /_dev-hub/ (see docs/hub.md)",
        "  --request-log FILE         append one JSON line per request (method, route, path, query, status)",
        "",
        "example:",
        "  HF_TOKEN=hf_devtoken exo-etl dev-hub --port 8088 --storage /tmp/dev-hub &",
        "  HF_TOKEN=hf_devtoken HF_ENDPOINT=http://127.0.0.1:8088 exo-etl sync --output out/phase1 --repo macexo/test");
  }

  @Override
  public int run(List<String> raw, PrintStream out) throws Exception {
    Args args =
        Args.parse(
            raw,
            Set.of(
                "--port",
                "--storage",
                "--tokens",
                "--multipart-threshold",
                "--chunk-size",
                "--page-size",
                "--scoped-tokens",
                "--request-log"),
            Set.of("--admin"));
    int port = args.intValue("--port", 0, 0, 65535);
    Path storage = Path.of(args.required("--storage"));
    Set<String> tokens = new LinkedHashSet<>(args.listValue("--tokens"));
    if (tokens.isEmpty()) {
      new HubEnvironment(environment).token().ifPresent(token -> tokens.add(token.secret()));
    }
    if (tokens.isEmpty()) {
      throw new UsageException(
          "Cannot start the dev-hub: no token to accept; pass --tokens hf_... or set HF_TOKEN");
    }
    DevHubOptions options = options(args, tokens);
    CountDownLatch stopped = new CountDownLatch(1);
    try (DevHubServer hub = DevHubServer.start(options, storage, port)) {
      if (args.has("--admin")) {
        hub.enableAdmin();
      }
      if (args.value("--request-log").isPresent()) {
        hub.logRequests(RequestLog.appendingTo(Path.of(args.required("--request-log"))));
      }
      Thread hook = new Thread(stopped::countDown, "dev-hub-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      out.println(
          "dev-hub listening on "
              + hub.url()
              + " (storage "
              + storage.toAbsolutePath()
              + ", "
              + tokens.size()
              + " accepted token(s)); Ctrl-C to stop");
      out.println("  export HF_ENDPOINT=" + hub.url());
      out.flush();
      try {
        stopped.await();
      } finally {
        removeHook(hook);
      }
    }
    return ExitCode.DONE;
  }

  /**
   * Leaves the JVM's hooks as they were; fails harmlessly when the JVM is already shutting down.
   */
  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // Shutting down: the hook is running or ran, which is how we got here.
    }
  }

  private static DevHubOptions options(Args args, Set<String> tokens) {
    try {
      return DevHubOptions.withTokens(tokens)
          .withMultipart(
              args.longValue("--multipart-threshold", DevHubOptions.DEFAULT_MULTIPART_THRESHOLD),
              args.longValue("--chunk-size", DevHubOptions.DEFAULT_CHUNK_SIZE))
          .withPageSizes(args.intValue("--page-size", 1000, 1, 100_000), 100)
          .withScopedTokens(new LinkedHashSet<>(args.listValue("--scoped-tokens")));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
