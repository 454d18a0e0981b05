package io.macexo.exoetl.hub.devhub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

/**
 * Test-only routes under {@code /_dev-hub/} that let a test outside the JVM (the Python tests in
 * src/test/python) play the same faults as {@link Faults#injectFailure} does in-process. Served by
 * {@link FaultyDevHub}, never by the product's dev-hub; loopback only like the rest; not counted as
 * requests; no token (they change nothing in any repo).
 *
 * <ul>
 *   <li>{@code POST /_dev-hub/failures} {@code {"route":"COMMIT","at":1,"times":1,
 *       "kind":"status|status-after|rate-limit|stall|drop|drop-after","status":503,"seconds":2,"message":"..."}}
 *   <li>{@code DELETE /_dev-hub/failures}: clears them
 *   <li>{@code GET /_dev-hub/counts}: requests per route; {@code POST /_dev-hub/counts/reset}
 * </ul>
 */
final class DevHubAdmin {
  static final String PREFIX = "/_dev-hub/";

  private final DevHubServer hub;
  private final Faults faults;

  DevHubAdmin(DevHubServer hub, Faults faults) {
    this.hub = hub;
    this.faults = faults;
  }

  /** Handles an admin request and returns true, or returns false for any other path. */
  boolean serves(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    if (!path.startsWith(PREFIX)) {
      return false;
    }
    DevResponse response;
    try {
      response =
          answer(exchange.getRequestMethod() + " " + path.substring(PREFIX.length()), exchange);
    } catch (DevHubError e) {
      response = e.toResponse();
    } catch (IllegalArgumentException e) {
      response = DevHubError.badRequest(e.getMessage()).toResponse();
    }
    response.send(exchange);
    return true;
  }

  private DevResponse answer(String call, HttpExchange exchange) throws IOException {
    switch (call) {
      case "POST failures" -> {
        JsonNode body = DevRequest.JSON.readTree(exchange.getRequestBody().readAllBytes());
        faults.injectFailure(
            route(body.path("route").asText()),
            body.path("at").asInt(1),
            failure(body),
            body.path("times").asInt(1));
        return ok();
      }
      case "DELETE failures" -> {
        faults.clearFailures();
        return ok();
      }
      case "GET counts" -> {
        ObjectNode counts = DevRequest.JSON.createObjectNode();
        hub.requestCounts().forEach((route, count) -> counts.put(route.name(), count));
        return DevResponse.json(counts);
      }
      case "POST counts/reset" -> {
        hub.resetCounts();
        return ok();
      }
      default -> throw new DevHubError(404, null, "No admin route " + call);
    }
  }

  private static Failure failure(JsonNode body) {
    Duration delay = Duration.ofMillis(Math.round(body.path("seconds").asDouble(0) * 1000));
    String kind = body.path("kind").asText();
    return switch (kind) {
      case "status" ->
          new Failure(
              Failure.Kind.STATUS,
              body.path("status").asInt(),
              delay,
              body.path("message").asText(null),
              null);
      case "status-after" -> Failure.statusAfterHandling(body.path("status").asInt());
      case "rate-limit" -> Failure.rateLimited((int) delay.toSeconds());
      case "stall" -> Failure.stall(delay);
      case "drop" -> Failure.DROP_CONNECTION;
      case "drop-after" -> Failure.DROP_AFTER_HANDLING;
      default ->
          throw new IllegalArgumentException(
              "Unknown failure kind '"
                  + kind
                  + "': status, status-after, rate-limit, stall, drop, drop-after");
    };
  }

  private static Route route(String name) {
    try {
      return Route.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Unknown route '" + name + "'");
    }
  }

  private static DevResponse ok() {
    return DevResponse.json(DevRequest.JSON.createObjectNode().put("ok", true));
  }
}
