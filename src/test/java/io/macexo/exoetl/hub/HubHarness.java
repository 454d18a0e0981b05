package io.macexo.exoetl.hub;

import io.macexo.exoetl.hub.devhub.DevHubOptions;
import io.macexo.exoetl.hub.devhub.DevHubServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.hadoop.conf.Configuration;

/**
 * A dev-hub on 127.0.0.1 plus a sync client pointed at it, with a retry policy that records the
 * waits it is asked for instead of sleeping, so retry tests run in milliseconds.
 */
final class HubHarness implements AutoCloseable {
  static final String TOKEN = "hf_testTOKEN1234567890secret";

  /** A token the dev-hub lets write repos but not create them (create answers 403). */
  static final String SCOPED = "hf_scopedTOKEN0987654321secret";

  static final RepoId REPO = RepoId.parse("macexo/exo-test");

  final Path storage;
  DevHubServer hub;
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  RetryPolicy retry = new RetryPolicy(5, Duration.ofMillis(1), Duration.ofMillis(8), sleeps::add);
  private final DevHubOptions options;
  HubTimeouts timeouts = HubTimeouts.standard();

  HubHarness(Path storage, DevHubOptions options) {
    this.storage = storage;
    this.options = options;
    start();
  }

  HubHarness(Path storage) {
    this(storage, DevHubOptions.withTokens(Set.of(TOKEN)).withScopedTokens(Set.of(SCOPED)));
  }

  /** What one sync printed and returned (or threw). */
  record Run(SyncReport report, String output, HubException failure) {}

  Run sync(SyncOptions options) {
    return sync(options, TOKEN);
  }

  Run sync(SyncOptions options, String token) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    HubClient client =
        new HubClient(hub.url(), HubToken.of(token).orElseThrow(), retry, timeouts, out::println);
    try {
      SyncReport report = new HubSync(client, options, new Configuration(), retry, out).run();
      return new Run(report, bytes.toString(StandardCharsets.UTF_8), null);
    } catch (HubException e) {
      return new Run(null, bytes.toString(StandardCharsets.UTF_8), e);
    }
  }

  /**
   * Waits until the hub has had no request for half a second (at most 10 s): a run that gave up may
   * still have a request in flight, and a test that clears failures must not let it through.
   */
  void settle() {
    try {
      int seen = -1;
      for (int i = 0; i < 20 && hub.totalRequests() != seen; i++) {
        seen = hub.totalRequests();
        Thread.sleep(500);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The files of a commit of the test repo, as the dev-hub holds them: path to sha256. */
  java.util.Map<String, String> filesAt(String commit) {
    return hub.files(REPO.toString(), commit);
  }

  /** The manifest a commit of the test repo holds, parsed. */
  SyncManifest manifestAt(String commit) {
    return SyncManifest.parse(client().download(REPO, commit, SyncManifest.PATH));
  }

  /** A client on the same hub, e.g. for "someone else commits meanwhile". */
  HubClient client() {
    return new HubClient(hub.url(), HubToken.of(TOKEN).orElseThrow(), retry, line -> {});
  }

  /** Stops and starts the server on the same storage (state must survive). */
  void restart() {
    hub.close();
    start();
  }

  private void start() {
    try {
      hub = DevHubServer.start(options, storage, 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    hub.close();
  }
}
