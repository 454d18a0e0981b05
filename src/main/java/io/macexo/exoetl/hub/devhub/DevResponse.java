package io.macexo.exoetl.hub.devhub;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An answer, built by a handler and written by {@link DevHubServer} (which can also drop it, to
 * play a lost answer). The body is bytes, or a range of a stored blob streamed from disk.
 */
final class DevResponse {
  final int status;
  final Map<String, String> headers = new LinkedHashMap<>();
  final byte[] body;
  final Path file;
  final long offset;
  final long length;

  private DevResponse(int status, byte[] body, Path file, long offset, long length) {
    this.status = status;
    this.body = body;
    this.file = file;
    this.offset = offset;
    this.length = length;
  }

  static DevResponse json(int status, JsonNode node) {
    return new DevResponse(status, node.toString().getBytes(StandardCharsets.UTF_8), null, 0, 0)
        .header("Content-Type", "application/json; charset=utf-8");
  }

  static DevResponse json(JsonNode node) {
    return json(200, node);
  }

  static DevResponse bytes(int status, byte[] body, String contentType) {
    return new DevResponse(status, body, null, 0, 0).header("Content-Type", contentType);
  }

  static DevResponse empty(int status) {
    return new DevResponse(status, new byte[0], null, 0, 0);
  }

  /** {@code length} bytes of a file from {@code offset}. */
  static DevResponse file(int status, Path file, long offset, long length) {
    return new DevResponse(status, null, file, offset, length)
        .header("Content-Type", "application/octet-stream");
  }

  DevResponse header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  long contentLength() {
    return body != null ? body.length : length;
  }

  /** Writes the answer (headers only for HEAD), with a fresh {@code X-Request-Id}. */
  void send(HttpExchange exchange) throws IOException {
    headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    exchange.getResponseHeaders().set("X-Request-Id", "Root=" + UUID.randomUUID());
    long length = contentLength();
    boolean head = exchange.getRequestMethod().equals("HEAD");
    if (head) {
      exchange.getResponseHeaders().set("Content-Length", String.valueOf(length));
    }
    exchange.sendResponseHeaders(status, head || length == 0 ? -1 : length);
    try (OutputStream out = exchange.getResponseBody()) {
      if (!head && body != null) {
        out.write(body);
      } else if (!head && file != null) {
        copyRange(out);
      }
    }
  }

  private void copyRange(OutputStream out) throws IOException {
    try (FileChannel channel = FileChannel.open(file)) {
      channel.position(offset);
      InputStream in = Channels.newInputStream(channel);
      byte[] buffer = new byte[1 << 20];
      for (long left = length; left > 0; ) {
        int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (read < 0) {
          throw new IOException("Blob " + file + " is shorter than its entry");
        }
        out.write(buffer, 0, read);
        left -= read;
      }
    }
  }
}
