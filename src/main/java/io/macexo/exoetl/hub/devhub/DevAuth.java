package io.macexo.exoetl.hub.devhub;

import com.sun.net.httpserver.HttpExchange;

/**
 * Who a dev-hub request is: the one user ({@value #USER}) for an accepted token, anonymous without
 * one, a 401 for any other token on every API route. Storage routes are presigned and refuse any
 * authorization header, like S3. A scoped token ({@link DevHubOptions#scopedTokens()}) is the user
 * too, but may not create repos: 403, as the Hub answers a fine-grained token without that right.
 */
final class DevAuth {
  static final String USER = "dev-user";

  private final DevHubOptions options;

  DevAuth(DevHubOptions options) {
    this.options = options;
  }

  /** The user a request's token belongs to, or null without a token. */
  String user(HttpExchange exchange, Route route) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    boolean storage =
        route == Route.LFS_UPLOAD || route == Route.LFS_PART || route == Route.LFS_COMPLETE;
    if (storage) {
      if (header != null) {
        throw new DevHubError(
            400,
            null,
            "Only one auth mechanism allowed: presigned URLs take no Authorization header");
      }
      return null;
    }
    if (header == null) {
      return null;
    }
    String token = bearer(exchange);
    if (!options.tokens().contains(token) && !options.scopedTokens().contains(token)) {
      throw new DevHubError(401, null, "Invalid credentials in Authorization header");
    }
    return USER;
  }

  /** Refuses repo creation to a scoped token. */
  void requireMayCreate(HttpExchange exchange, Route route) {
    if (route == Route.CREATE_REPO && options.scopedTokens().contains(bearer(exchange))) {
      throw new DevHubError(
          403,
          null,
          "You don't have the rights to create a repo under this namespace: the token may"
              + " write repos but not create them");
    }
  }

  private static String bearer(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
        ? header.substring(7).trim()
        : "";
  }
}
