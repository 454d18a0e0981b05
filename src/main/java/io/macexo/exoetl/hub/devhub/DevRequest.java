package io.macexo.exoetl.hub.devhub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request as the handlers see it: the matched route and its parts (repo, revision, path), query
 * parameters, headers, the body as a stream, the base URL to build links with, and the user its
 * token belongs to (null when anonymous).
 */
final class DevRequest {
  static final ObjectMapper JSON = new ObjectMapper();

  final String method;
  final RouteMatch match;
  final Map<String, List<String>> query;
  final Headers headers;
  final String baseUrl;
  final String user;
  private final InputStream body;

  DevRequest(
      String method,
      RouteMatch match,
      String rawQuery,
      Headers headers,
      InputStream body,
      String baseUrl,
      String user) {
    this.method = method;
    this.match = match;
    this.query = parseQuery(rawQuery);
    this.headers = headers;
    this.body = body;
    this.baseUrl = baseUrl;
    this.user = user;
  }

  /** The body as a stream (for uploads, which are never held in memory). */
  InputStream body() {
    return body;
  }

  byte[] bodyBytes() {
    try {
      return body.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonNode json() {
    try {
      JsonNode node = JSON.readTree(bodyBytes());
      if (node == null || !node.isObject()) {
        throw DevHubError.badRequest("Expected a JSON object body");
      }
      return node;
    } catch (IOException e) {
      throw DevHubError.badRequest("Invalid JSON body: " + e.getMessage());
    }
  }

  String header(String name) {
    return headers.getFirst(name);
  }

  String param(String name, String fallback) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? fallback : values.get(0);
  }

  static Map<String, List<String>> parseQuery(String raw) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return query;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      query.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    return query;
  }

  /** Decodes a query or form value ({@code +} is a space there). */
  static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  /** Decodes one path segment ({@code +} is a plus sign there). */
  static String decodeSegment(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
