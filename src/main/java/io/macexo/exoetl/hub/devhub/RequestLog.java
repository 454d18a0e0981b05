package io.macexo.exoetl.hub.devhub;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The dev-hub's request log: one JSON line per request it handled ({@code time}, {@code method},
 * {@code route}, {@code path}, {@code query}, {@code status}; status 0 for a connection dropped on
 * purpose), appended to a file. It exists so that a test in another process, such as the Python
 * training client's suite, can see which requests a client sent (that a first download fetched each
 * file, that a second run sent none) without a hook into the server's JVM; the per-route counts of
 * {@link DevHubServer} serve in-process tests. Each line is written and flushed before the answer
 * goes out, so a client holding its answer finds the line already there. Headers are never logged
 * (they carry tokens), and the signature of a presigned storage URL is redacted. Runs on the
 * server's handler threads; {@link #record} is synchronized so lines never interleave. Set with
 * {@code exo-etl dev-hub --request-log FILE} or {@link DevHubServer#logRequests}.
 */
public final class RequestLog implements AutoCloseable {
  /** The status recorded for a connection closed without an answer (an injected drop). */
  public static final int DROPPED = 0;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final RequestLog NONE = new RequestLog(null);

  private final Writer writer;

  private RequestLog(Writer writer) {
    this.writer = writer;
  }

  /** A log that records nothing: the default of a server. */
  public static RequestLog none() {
    return NONE;
  }

  /** Appends to {@code file} (created if missing; earlier lines are kept). */
  public static RequestLog appendingTo(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    return new RequestLog(
        Files.newBufferedWriter(
            file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND));
  }

  /** Writes one line; a no-op for {@link #none()}. */
  public synchronized void record(String method, Route route, URI uri, int status) {
    if (writer == null) {
      return;
    }
    ObjectNode line = JSON.createObjectNode();
    line.put("time", Instant.now().toString())
        .put("method", method)
        .put("route", route.name())
        .put("path", uri.getRawPath())
        .put("query", redacted(uri.getRawQuery()))
        .put("status", status);
    try {
      writer.write(line.toString());
      writer.write('\n');
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the dev-hub request log", e);
    }
  }

  private static String redacted(String query) {
    return query == null ? null : query.replaceAll("(^|&)sig=[^&]*", "$1sig=redacted");
  }

  @Override
  public synchronized void close() {
    if (writer == null) {
      return;
    }
    try {
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot close the dev-hub request log", e);
    }
  }
}
