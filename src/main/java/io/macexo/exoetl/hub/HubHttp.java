package io.macexo.exoetl.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The HTTP transport of {@link HubClient}: JDK {@link HttpClient} with a connect timeout and a read
 * timeout counted from the last progress ({@link StallGuard}), the authorization and user-agent
 * headers, retries per {@link RetryPolicy} with rate-limit waits and their countdown ({@link
 * Waiter}), a request counter, and turning an error answer into a {@link HubException} that carries
 * {@code X-Error-Code}, {@code X-Error-Message}, {@code X-Request-Id} and the headers (with the
 * token scrubbed from anything the server echoed). Redirects are followed here, and only within the
 * host they started on: the JDK client would carry the authorization header to any host.
 */
final class HubHttp {
  static final String USER_AGENT = "exo-etl/0.1.0; java/" + Runtime.version().feature();
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
  private static final int MAX_REDIRECTS = 5;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final StallGuard guard;
  private final HubToken token;
  private final Waiter waiter;
  private final AtomicInteger requests = new AtomicInteger();

  HubHttp(HubToken token, RetryPolicy retry, HubTimeouts timeouts, Consumer<String> notices) {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeouts.connect())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.guard = new StallGuard(client, timeouts.read());
    this.token = token;
    this.waiter = new Waiter(retry, notices);
  }

  /** A request to the Hub API, with the token. */
  HttpRequest.Builder authorized(URI uri) {
    return anonymous(uri).header("authorization", "Bearer " + token.secret());
  }

  /** A request to a presigned storage URL: never with the token. */
  HttpRequest.Builder anonymous(URI uri) {
    return HttpRequest.newBuilder(uri).header("user-agent", USER_AGENT);
  }

  Waiter waiter() {
    return waiter;
  }

  /**
   * Sends a request, retrying retryable statuses and network errors, and waiting out rate limits.
   *
   * @param action what the request does, with its file or repo, for messages
   * @param accepted non-2xx statuses handed back to the caller instead of failing
   */
  HttpResponse<byte[]> send(String action, HttpRequest request, Set<Integer> accepted) {
    Duration rateLimited = Duration.ZERO;
    for (int retries = 0; ; ) {
      if (Thread.currentThread().isInterrupted()) {
        throw HubException.local(action, "interrupted");
      }
      HttpResponse<byte[]> response;
      try {
        response = sendFollowingRedirects(action, request);
      } catch (IOException e) {
        retries = backoffOrThrow(action, HubException.network(action, e), retries);
        continue;
      }
      int status = response.statusCode();
      if (status / 100 == 2 || accepted.contains(status)) {
        return response;
      }
      HubException error = error(action, response);
      java.util.Optional<RateLimitHint> hint =
          RetryPolicy.isRetryable(status) ? error.rateLimitHint() : java.util.Optional.empty();
      if (hint.isPresent()) {
        rateLimited = waiter.rateLimited(action, status, hint.get(), rateLimited, error.headers());
      } else {
        retries = backoffOrThrow(action, error, retries);
      }
    }
  }

  /** Backs off before the next retry, or throws the failure when it is final. */
  private int backoffOrThrow(String action, HubException failure, int retries) {
    boolean retryable = failure.isNetwork() || RetryPolicy.isRetryable(failure.status());
    if (!retryable || retries >= waiter.policy().maxRetries()) {
      throw failure;
    }
    Throwable cause = failure.getCause();
    waiter.backoff(
        action,
        retries + 1,
        failure.isNetwork() && cause != null
            ? cause.getClass().getSimpleName()
            : "HTTP " + failure.status());
    return retries + 1;
  }

  /** Sends a request once: for the commit POST, which must not be repeated blindly. */
  HttpResponse<byte[]> sendWithoutRetry(String action, HttpRequest request) {
    HttpResponse<byte[]> response;
    try {
      response = sendFollowingRedirects(action, request);
    } catch (IOException e) {
      throw HubException.network(action, e);
    }
    if (response.statusCode() / 100 != 2) {
      throw error(action, response);
    }
    return response;
  }

  /** Parses a JSON answer. */
  JsonNode json(String action, HttpResponse<byte[]> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw HubException.local(
          action, "the Hub answered with invalid JSON (HTTP " + response.statusCode() + ")");
    }
  }

  ObjectMapper mapper() {
    return JSON;
  }

  /** Requests sent so far, retries included. */
  int requestCount() {
    return requests.get();
  }

  /**
   * True when a URL is on the same scheme, host and port as another: the only place a token may go.
   */
  static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost().equalsIgnoreCase(b.getHost())
        && a.getPort() == b.getPort();
  }

  private HttpResponse<byte[]> sendFollowingRedirects(String action, HttpRequest request)
      throws IOException {
    HttpRequest current = request;
    for (int hop = 0; ; hop++) {
      HttpResponse<byte[]> response = sendOnce(current);
      java.util.Optional<String> location = response.headers().firstValue("location");
      if (!REDIRECTS.contains(response.statusCode())
          || location.isEmpty()
          || hop == MAX_REDIRECTS) {
        return response;
      }
      URI next = current.uri().resolve(location.get());
      if (!sameOrigin(next, current.uri())) {
        throw HubException.local(
            action,
            "the Hub redirected to another host ("
                + next.getHost()
                + "); not following, so the token stays with "
                + current.uri().getHost());
      }
      current = HttpRequest.newBuilder(current, (name, value) -> true).uri(next).build();
    }
  }

  private HttpResponse<byte[]> sendOnce(HttpRequest request) throws IOException {
    requests.incrementAndGet();
    return guard.send(request);
  }

  HubException error(String action, HttpResponse<byte[]> response) {
    String message = response.headers().firstValue("x-error-message").orElse(null);
    if (message == null) {
      message = bodyMessage(response.body());
    }
    return HubException.http(
        action,
        response.statusCode(),
        token.redact(response.headers().firstValue("x-error-code").orElse(null)),
        token.redact(message),
        token.redact(response.headers().firstValue("x-request-id").orElse(null)),
        lowerCase(response.headers().map()));
  }

  private static Map<String, List<String>> lowerCase(Map<String, List<String>> headers) {
    Map<String, List<String>> lower = new TreeMap<>();
    headers.forEach(
        (name, values) -> lower.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
    return lower;
  }

  private static String bodyMessage(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8).trim();
    try {
      JsonNode json = JSON.readTree(text);
      if (json != null && json.hasNonNull("error")) {
        return json.get("error").asText();
      }
    } catch (IOException e) {
      // Not JSON: fall back to the first line of the text.
    }
    String line = text.lines().findFirst().orElse("");
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }
}
