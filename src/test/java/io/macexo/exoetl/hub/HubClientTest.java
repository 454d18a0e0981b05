package io.macexo.exoetl.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Transport rules that guard the token and the wait: redirects, Retry-After and its cap, the create
 * call's body, against scripted servers.
 */
class HubClientTest {
  private static final String TOKEN = "hf_clientTestSecret42";
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private final List<String> otherHostAuthorization = new CopyOnWriteArrayList<>();
  private final AtomicInteger calls = new AtomicInteger();
  private final List<String> createBodies = new CopyOnWriteArrayList<>();
  private HttpServer hub;
  private HttpServer other;

  @BeforeEach
  void start() throws IOException {
    other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    other.createContext(
        "/",
        exchange -> {
          otherHostAuthorization.add(
              String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
          reply(exchange, 200, "{\"sha\":\"stolen\"}");
        });
    other.start();
    hub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    hub.createContext(
        "/api/datasets/ns/renamed/revision/main",
        exchange -> reply(exchange, 200, "{\"sha\":\"abc\"}"));
    hub.createContext(
        "/api/datasets/ns/moved/revision/main",
        exchange -> {
          exchange.getResponseHeaders().set("Location", "/api/datasets/ns/renamed/revision/main");
          reply(exchange, 307, "");
        });
    hub.createContext(
        "/api/datasets/ns/away/revision/main",
        exchange -> {
          exchange
              .getResponseHeaders()
              .set("Location", "http://localhost:" + other.getAddress().getPort() + "/x");
          reply(exchange, 307, "");
        });
    hub.createContext(
        "/api/datasets/ns/busy/revision/main",
        exchange -> {
          if (calls.incrementAndGet() == 1) {
            exchange.getResponseHeaders().set("Retry-After", "120");
            reply(exchange, 429, "{\"error\":\"slow down\"}");
          } else {
            reply(exchange, 200, "{\"sha\":\"later\"}");
          }
        });
    hub.createContext(
        "/api/datasets/ns/closed/revision/main",
        exchange -> {
          calls.incrementAndGet();
          exchange.getResponseHeaders().set("Retry-After", "86400");
          reply(exchange, 429, "{\"error\":\"slow down\"}");
        });
    hub.createContext(
        "/api/repos/create",
        exchange -> {
          createBodies.add(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          reply(exchange, 200, "{\"url\":\"x\"}");
        });
    hub.start();
  }

  @AfterEach
  void stop() {
    hub.stop(0);
    other.stop(0);
  }

  private HubClient client() {
    URI endpoint = URI.create("http://127.0.0.1:" + hub.getAddress().getPort());
    RetryPolicy retry = new RetryPolicy(5, Duration.ofMillis(1), Duration.ofMillis(8), sleeps::add);
    return new HubClient(endpoint, HubToken.of(TOKEN).orElseThrow(), retry, line -> {});
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Test
  void followsARedirectOnTheSameHost() {
    assertThat(client().headCommit(RepoId.parse("ns/moved"), "main")).contains("abc");
  }

  @Test
  void refusesARedirectToAnotherHostSoTheTokenStaysHome() {
    assertThatThrownBy(() -> client().headCommit(RepoId.parse("ns/away"), "main"))
        .isInstanceOf(HubException.class)
        .hasMessage(
            "Cannot read ns/away@main: the Hub redirected to another host (localhost); not following, "
                + "so the token stays with 127.0.0.1");
    assertThat(otherHostAuthorization).isEmpty();
  }

  @Test
  void waitsOutRetryAfterWithACountdown() {
    assertThat(client().headCommit(RepoId.parse("ns/busy"), "main")).contains("later");
    assertThat(sleeps)
        .containsExactly(
            Duration.ofSeconds(30),
            Duration.ofSeconds(30),
            Duration.ofSeconds(10),
            Duration.ofSeconds(10),
            Duration.ofSeconds(10),
            Duration.ofSeconds(10),
            Duration.ofSeconds(10),
            Duration.ofSeconds(10));
  }

  @Test
  void aWaitLongerThanTheCapIsNotStartedAndSaysTheRunCanBeRepeated() {
    assertThatThrownBy(() -> client().headCommit(RepoId.parse("ns/closed"), "main"))
        .isInstanceOf(HubException.class)
        .hasMessage(
            "Cannot read ns/closed@main: rate limited by the Hub (HTTP 429, the Hub asked to retry"
                + " after 86400 s), longer than sync waits in all (600 s, --max-rate-limit-wait);"
                + " nothing is lost: run the same command again later to finish");
    assertThat(sleeps).isEmpty();
    assertThat(calls.get()).isEqualTo(1);
  }

  @Test
  void createSendsNoVisibilityUnlessAsked() {
    RepoId repo = RepoId.parse("ns/new");
    client().repos().createRepo(repo, Visibility.DEFAULT);
    client().repos().createRepo(repo, Visibility.PRIVATE);
    client().repos().createRepo(repo, Visibility.PUBLIC);

    assertThat(createBodies)
        .containsExactly(
            "{\"name\":\"new\",\"organization\":\"ns\",\"type\":\"dataset\"}",
            "{\"name\":\"new\",\"organization\":\"ns\",\"type\":\"dataset\",\"visibility\":\"private\"}",
            "{\"name\":\"new\",\"organization\":\"ns\",\"type\":\"dataset\",\"visibility\":\"public\"}");
  }
}
