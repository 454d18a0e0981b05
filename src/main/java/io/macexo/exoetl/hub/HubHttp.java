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
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The HTTP transport of {@link HubClient}: JDK {@link HttpClient}, the authorization and user-agent
 * headers, retries per {@link RetryPolicy}, a request counter, and turning an error answer into a
 * {@link HubException} that carries {@code X-Error-Code}, {@code X-Error-Message} and {@code
 * X-Request-Id} (with the token scrubbed from anything the server echoed). Redirects are followed
 * here, and only within the host they started on: the JDK client would carry the authorization
 * header to any host.
 */
final class HubHttp {
  static final String USER_AGENT = "exo-etl/0.1.0; java/" + Runtime.version().feature();
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
  private static final int MAX_REDIRECTS = 5;

  /** The longest Retry-After honoured; the Hub's rate-limit window is 5 minutes. */
  private static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client;
  private final HubToken token;
  private final RetryPolicy retry;
  private final Consumer<String> notices;
  private final AtomicInteger requests = new AtomicInteger();

  HubHttp(HubToken token, RetryPolicy retry, Consumer<String> notices) {
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.token = token;
    this.retry = retry;
    this.notices = notices;
  }

  /** A request to the Hub API, with the token. */
  HttpRequest.Builder authorized(URI uri) {
    return anonymous(uri).header("authorization", "Bearer " + token.secret());
  }

  /** A request to a presigned storage URL: never with the token. */
  HttpRequest.Builder anonymous(URI uri) {
    return HttpRequest.newBuilder(uri).header("user-agent", USER_AGENT);
  }

  /**
   * Sends a request, retrying retryable statuses and network errors.
   *
   * @param action what the request does, with its file or repo, for messages
   * @param accepted non-2xx statuses handed back to the caller instead of failing
   */
  HttpResponse<byte[]> send(String action, HttpRequest request, Set<Integer> accepted) {
    for (int attempt = 1; ; attempt++) {
      if (Thread.currentThread().isInterrupted()) {
        throw HubException.local(action, "interrupted");
      }
      boolean last = attempt > retry.maxRetries();
      HttpResponse<byte[]> response;
      try {
        response = sendFollowingRedirects(action, request);
      } catch (IOException e) {
        if (last) {
          throw HubException.network(action, e);
        }
        waitBeforeRetry(action, retry.backoff(attempt), e.getClass().getSimpleName());
        continue;
      }
      int status = response.statusCode();
      if (status / 100 == 2 || accepted.contains(status)) {
        return response;
      }
      if (last || !RetryPolicy.isRetryable(status)) {
        throw error(action, response);
      }
      waitBeforeRetry(
          action, retryAfter(response).orElse(retry.backoff(attempt)), "HTTP " + status);
    }
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
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private void waitBeforeRetry(String action, Duration delay, String why) {
    notices.accept(
        "  retry: " + action + " failed (" + why + "); trying again in " + seconds(delay));
    retry.pause(delay, action);
  }

  private static java.util.Optional<Duration> retryAfter(HttpResponse<byte[]> response) {
    return response
        .headers()
        .firstValue("retry-after")
        .filter(value -> value.trim().matches("\\d{1,6}"))
        .map(value -> Duration.ofSeconds(Long.parseLong(value.trim())))
        .map(delay -> delay.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : delay);
  }

  private HubException error(String action, HttpResponse<byte[]> response) {
    String message = response.headers().firstValue("x-error-message").orElse(null);
    if (message == null) {
      message = bodyMessage(response.body());
    }
    return HubException.http(
        action,
        response.statusCode(),
        token.redact(response.headers().firstValue("x-error-code").orElse(null)),
        token.redact(message),
        token.redact(response.headers().firstValue("x-request-id").orElse(null)));
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

  private static String seconds(Duration delay) {
    return delay.toMillis() < 1000 ? delay.toMillis() + " ms" : delay.toSeconds() + " s";
  }
}
