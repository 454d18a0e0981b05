package io.macexo.exoetl.hub.devhub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for the Hugging Face Hub on 127.0.0.1 that speaks the upload path of
 * HUB_PROTOCOL.md (create, preupload, LFS batch with basic and multipart transfers, presigned PUT,
 * verify, NDJSON commit with parentCommit, tree, paths-info, resolve, commits, repo info), with
 * state on disk under a storage folder so a restart keeps it. It counts requests per {@link Route};
 * tests play faults through an {@link Interceptor} of their own. Started in-process (port 0 picks a
 * free port) or by {@code exo-etl dev-hub}; JDK {@link HttpServer} on a small thread pool.
 */
public final class DevHubServer implements AutoCloseable {

  static {
    // The JDK server leaves Nagle on by default; with delayed ACKs every small answer then waits
    // ~40 ms.
    // Read once when the first server starts, so set it before.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final DevHubOptions options;
  private final RepoStore repos;
  private final Dispatcher dispatcher;
  private final DevAuth auth;
  private final Map<Route, AtomicInteger> counts = new EnumMap<>(Route.class);
  private volatile RequestLog requestLog = RequestLog.none();
  private volatile Interceptor interceptor;

  /** Thrown to make the JDK server close the connection without an answer. */
  private static final class DropConnection extends RuntimeException {
    DropConnection() {
      super("dev-hub: connection dropped on purpose", null, false, false);
    }
  }

  private DevHubServer(HttpServer server, DevHubOptions options, Path storage) {
    this.server = server;
    this.options = options;
    this.repos = new RepoStore(storage);
    this.dispatcher = new Dispatcher(repos, new BlobStore(storage), options);
    this.auth = new DevAuth(options);
    for (Route route : Route.values()) {
      counts.put(route, new AtomicInteger());
    }
    this.executor =
        Executors.newFixedThreadPool(
            16,
            runnable -> {
              Thread thread = new Thread(runnable, "dev-hub");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
  }

  /**
   * Starts a server on 127.0.0.1 ({@code port} 0 = any free port) with state under {@code storage}.
   */
  public static DevHubServer start(DevHubOptions options, Path storage, int port)
      throws IOException {
    HttpServer http =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    DevHubServer hub = new DevHubServer(http, options, storage);
    http.start();
    return hub;
  }

  /**
   * The base URL, e.g. {@code http://127.0.0.1:41234}: what {@code HF_ENDPOINT} or {@code hubUrl}
   * takes.
   */
  public URI url() {
    return URI.create("http://127.0.0.1:" + port());
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    requestLog.close();
  }

  /** Logs every request from now on to {@code log}, which the server closes when it stops. */
  public void logRequests(RequestLog log) {
    this.requestLog = log;
  }

  /** Puts {@code interceptor} between every request and its answer (tests' faults). */
  public void intercept(Interceptor interceptor) {
    this.interceptor = interceptor;
  }

  /** The interceptor in place, or null. */
  public Interceptor interceptor() {
    return interceptor;
  }

  /** Requests received on a route since the start or the last {@link #resetCounts()}. */
  public int requestCount(Route route) {
    return counts.get(route).get();
  }

  /** Requests per route, only routes with at least one. */
  public Map<Route, Integer> requestCounts() {
    Map<Route, Integer> map = new TreeMap<>();
    counts.forEach(
        (route, count) -> {
          if (count.get() > 0) {
            map.put(route, count.get());
          }
        });
    return map;
  }

  public int totalRequests() {
    return counts.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  /** Requests to routes that change state. */
  public int writeRequests() {
    return counts.entrySet().stream()
        .filter(e -> e.getKey().writes())
        .mapToInt(e -> e.getValue().get())
        .sum();
  }

  public void resetCounts() {
    counts.values().forEach(count -> count.set(0));
  }

  /** Commits on main of a dataset repo ({@code ns/name}), the initial one included; 0 if none. */
  public int commitCount(String datasetRepo) {
    return commitCount(datasetRepo, "main");
  }

  /** Commits reachable from a revision (branch, tag or commit id) of a dataset repo; 0 if none. */
  public int commitCount(String datasetRepo, String revision) {
    return repos
        .find("dataset/" + datasetRepo)
        .map(
            repo ->
                repo.resolve(revision) == null ? 0 : repo.history(repo.resolve(revision)).size())
        .orElse(0);
  }

  /** The files on main of a dataset repo: path to the sha256 of the content. */
  public Map<String, String> files(String datasetRepo) {
    return files(datasetRepo, "main");
  }

  /** The files of a revision (branch, tag or commit id): path to the sha256 of the content. */
  public Map<String, String> files(String datasetRepo, String revision) {
    Map<String, String> files = new TreeMap<>();
    repos
        .find("dataset/" + datasetRepo)
        .map(repo -> repo.resolve(revision))
        .ifPresent(head -> head.files().forEach((path, entry) -> files.put(path, entry.sha256())));
    return files;
  }

  /** The ids of the commits reachable from main of a dataset repo, newest first. */
  public List<String> commitIds(String datasetRepo) {
    return repos
        .find("dataset/" + datasetRepo)
        .map(repo -> repo.history(repo.resolve("main")).stream().map(DevCommit::id).toList())
        .orElse(List.of());
  }

  private void handle(HttpExchange exchange) throws IOException {
    Interceptor current = interceptor;
    if (current != null && current.serves(exchange)) {
      return;
    }
    RouteMatch match =
        RouteMatch.of(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath());
    counts.get(match.route()).incrementAndGet();
    Call call = new Call(exchange, match);
    if (current == null) {
      call.send(call.answer());
    } else {
      current.handle(call);
    }
  }

  /** One request, for {@link #handle} and an interceptor. */
  private final class Call implements Interceptor.Call {
    private final HttpExchange exchange;
    private final RouteMatch match;

    Call(HttpExchange exchange, RouteMatch match) {
      this.exchange = exchange;
      this.match = match;
    }

    @Override
    public Route route() {
      return match.route();
    }

    @Override
    public HttpExchange exchange() {
      return exchange;
    }

    @Override
    public DevResponse answer() {
      return DevHubServer.this.answer(exchange, match);
    }

    @Override
    public void send(DevResponse response) throws IOException {
      log(exchange, match, response.status);
      response.send(exchange);
    }

    @Override
    public RuntimeException drop() {
      log(exchange, match, RequestLog.DROPPED);
      return new DropConnection();
    }
  }

  private void log(HttpExchange exchange, RouteMatch match, int status) {
    requestLog.record(exchange.getRequestMethod(), match.route(), exchange.getRequestURI(), status);
  }

  private DevResponse answer(HttpExchange exchange, RouteMatch match) {
    try {
      String host = exchange.getRequestHeaders().getFirst("Host");
      String base = "http://" + (host != null ? host : "127.0.0.1:" + port());
      DevRequest request =
          new DevRequest(
              exchange.getRequestMethod(),
              match,
              exchange.getRequestURI().getRawQuery(),
              exchange.getRequestHeaders(),
              exchange.getRequestBody(),
              base,
              auth.user(exchange, match.route()));
      auth.requireMayCreate(exchange, match.route());
      return dispatcher.dispatch(request);
    } catch (DevHubError e) {
      return e.toResponse();
    } catch (RuntimeException e) {
      return new DevHubError(500, null, "Internal error: " + e).toResponse();
    }
  }
}
