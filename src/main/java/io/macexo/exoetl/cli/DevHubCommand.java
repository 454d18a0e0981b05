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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code exo-etl dev-hub}: runs the local Hub stand-in ({@link DevHubServer}) on 127.0.0.1 until
 * Ctrl-C (or until the running thread is interrupted), so {@code sync} and the official clients can
 * be tried without the real Hub.
 */
@Command(
    name = "dev-hub",
    description = {
      "Run a local Hugging Face Hub stand-in for trying sync (127.0.0.1 only).",
      "",
      "Serves repo create, preupload, LFS batch (basic and multipart), presigned PUT, verify, NDJSON"
          + " commit, tree, paths-info, resolve, commits, branches, tags and repo info on"
          + " http://127.0.0.1:N, keeping state under DIR (restart-safe). Runs until Ctrl-C."
    },
    footer = {
      "  HF_TOKEN=hf_devtoken exo-etl dev-hub --port 8088 --storage /tmp/dev-hub &",
      "  HF_TOKEN=hf_devtoken HF_ENDPOINT=http://127.0.0.1:8088 exo-etl sync --output out/phase1"
          + " --repo macexo/test"
    })
public final class DevHubCommand implements Subcommand {
  private static final int MOST_PORT = 65_535;
  private static final int MOST_PAGE_SIZE = 100000;
  private static final int COMMITS_PAGE_SIZE = 100;

  private final Map<String, String> environment;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "port to bind on 127.0.0.1 (default ${DEFAULT-VALUE}: any free port)")
  int port = 0;

  @Option(
      names = "--storage",
      required = true,
      paramLabel = "DIR",
      description = "where blobs and commits live")
  Path storage;

  @Option(
      names = "--tokens",
      split = ",",
      paramLabel = "hf_a,hf_b",
      hideParamSyntax = true,
      description = "accepted tokens; default: the token sync would use (HF_TOKEN, ...)")
  List<String> tokens;

  @Option(
      names = "--scoped-tokens",
      split = ",",
      paramLabel = "hf_c,hf_d",
      hideParamSyntax = true,
      description = "tokens that may write repos but not create them (create answers 403)")
  List<String> scopedTokens;

  @Option(
      names = "--request-log",
      paramLabel = "FILE",
      description = "append one JSON line per request (method, route, path, query, status)")
  Path requestLog;

  @Option(
      names = "--multipart-threshold",
      paramLabel = "BYTES",
      description = "objects of at least BYTES get a multipart upload (default 64 MiB)")
  long multipartThreshold = DevHubOptions.DEFAULT_MULTIPART_THRESHOLD;

  @Option(
      names = "--chunk-size",
      paramLabel = "BYTES",
      description = "multipart part size (default 16 MiB)")
  long chunkSize = DevHubOptions.DEFAULT_CHUNK_SIZE;

  @Option(
      names = "--page-size",
      paramLabel = "N",
      description = "entries per tree page (1-" + MOST_PAGE_SIZE + ", default ${DEFAULT-VALUE})")
  int pageSize = 1000;

  @Mixin HelpOption help;

  public DevHubCommand() {
    this(System.getenv());
  }

  /** For tests: a fixed environment (where the default accepted token comes from). */
  public DevHubCommand(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  @Override
  public int run(PrintStream out) throws Exception {
    DevHubOptions options = options();
    CountDownLatch stopped = new CountDownLatch(1);
    try (DevHubServer hub = DevHubServer.start(options, storage, port)) {
      if (requestLog != null) {
        hub.logRequests(RequestLog.appendingTo(requestLog));
      }
      Thread hook = new Thread(stopped::countDown, "dev-hub-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      out.println(
          "dev-hub listening on "
              + hub.url()
              + " (storage "
              + storage.toAbsolutePath()
              + ", "
              + options.tokens().size()
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

  /** The parsed flags as {@link DevHubOptions}; a value they refuse is a usage error. */
  DevHubOptions options() {
    FlagChecks.between("--port", port, 0, MOST_PORT);
    Set<String> accepted = new LinkedHashSet<>(FlagChecks.items("--tokens", tokens));
    if (accepted.isEmpty()) {
      new HubEnvironment(environment).token().ifPresent(token -> accepted.add(token.secret()));
    }
    if (accepted.isEmpty()) {
      throw new UsageException(
          "Cannot start the dev-hub: no token to accept; pass --tokens hf_... or set HF_TOKEN");
    }
    try {
      return DevHubOptions.withTokens(accepted)
          .withMultipart(multipartThreshold, chunkSize)
          .withPageSizes(
              FlagChecks.between("--page-size", pageSize, 1, MOST_PAGE_SIZE), COMMITS_PAGE_SIZE)
          .withScopedTokens(new LinkedHashSet<>(FlagChecks.items("--scoped-tokens", scopedTokens)));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
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
}
