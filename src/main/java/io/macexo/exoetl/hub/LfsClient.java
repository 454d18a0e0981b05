package io.macexo.exoetl.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Git LFS side of an upload: the batch call ({@code basic} and {@code multipart} transfers),
 * the PUT of bytes to a presigned storage URL (never with the token), the multipart completion and
 * the verify POST (with the token only on the endpoint's host). Every call is retried by {@link
 * HubHttp}, storage PUTs included (a stalled PUT is cut by the read timeout and sent again).
 */
public final class LfsClient {
  private static final String LFS_JSON = "application/vnd.git-lfs+json";
  private static final Set<String> RESTRICTED_HEADERS =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final URI endpoint;
  private final HubHttp http;

  LfsClient(URI endpoint, HubHttp http) {
    this.endpoint = endpoint;
    this.http = http;
  }

  /** Asks LFS where to upload objects; objects without an upload action are already stored. */
  public List<LfsObject> batch(RepoId repo, String revision, List<LocalFile> files, String action) {
    ObjectNode body =
        http.mapper().createObjectNode().put("operation", "upload").put("hash_algo", "sha256");
    body.putArray("transfers").add("basic").add("multipart");
    body.putObject("ref").put("name", revision);
    ArrayNode objects = body.putArray("objects");
    files.forEach(file -> objects.addObject().put("oid", file.sha256()).put("size", file.size()));
    HttpRequest request =
        http.authorized(URI.create(endpoint + repo.webPath() + ".git/info/lfs/objects/batch"))
            .header("accept", LFS_JSON)
            .header("content-type", LFS_JSON)
            .POST(BodyPublishers.ofString(body.toString()))
            .build();
    List<LfsObject> answer = new ArrayList<>();
    for (JsonNode object :
        http.json(action, http.send(action, request, Set.of())).path("objects")) {
      JsonNode actions = object.path("actions");
      JsonNode error = object.get("error");
      answer.add(
          new LfsObject(
              object.path("oid").asText(),
              object.path("size").asLong(),
              action(actions.get("upload")),
              action(actions.get("verify")),
              error == null
                  ? null
                  : error.path("code").asText() + ": " + error.path("message").asText()));
    }
    return answer;
  }

  /**
   * PUTs a slice of a file to a presigned URL (no token) and returns the answer's ETag.
   *
   * @param header extra headers the LFS answer asked for
   */
  public String putBytes(
      String action,
      URI url,
      Map<String, String> header,
      LocalFile.ByteSource source,
      long offset,
      long length) {
    HttpRequest.Builder builder = copyHeaders(http.anonymous(url), header);
    HttpRequest.BodyPublisher body =
        BodyPublishers.fromPublisher(
            BodyPublishers.ofInputStream(() -> slice(source, offset, length)), length);
    HttpResponse<byte[]> response = http.send(action, builder.PUT(body).build(), Set.of());
    return response.headers().firstValue("etag").orElse("");
  }

  /**
   * POSTs an LFS JSON body: multipart completion (no token) or verify (the token only when the URL
   * is on the endpoint's host), with the headers the LFS answer asked for.
   */
  public void post(
      String action, URI url, Map<String, String> header, JsonNode body, boolean withToken) {
    boolean token = withToken && HubHttp.sameOrigin(url, endpoint);
    HttpRequest.Builder builder =
        copyHeaders(token ? http.authorized(url) : http.anonymous(url), header);
    HttpRequest request =
        builder
            .header("accept", LFS_JSON)
            .header("content-type", LFS_JSON)
            .POST(BodyPublishers.ofString(body.toString()))
            .build();
    http.send(action, request, Set.of());
  }

  /** A JSON object node for request bodies. */
  public ObjectNode newObject() {
    return http.mapper().createObjectNode();
  }

  /**
   * Adds the headers an LFS action asked for, leaving out those the JDK sets itself and the
   * multipart keys ({@code chunk_size}, part numbers), which are instructions, not headers.
   */
  private static HttpRequest.Builder copyHeaders(
      HttpRequest.Builder builder, Map<String, String> header) {
    header.forEach(
        (name, value) -> {
          String lower = name.toLowerCase(Locale.ROOT);
          if (!RESTRICTED_HEADERS.contains(lower)
              && !lower.equals("chunk_size")
              && !lower.matches("\\d+")) {
            builder.header(name, value);
          }
        });
    return builder;
  }

  private static LfsObject.Action action(JsonNode node) {
    if (node == null || node.isNull() || !node.hasNonNull("href")) {
      return null;
    }
    Map<String, String> header = new HashMap<>();
    node.path("header")
        .fields()
        .forEachRemaining(field -> header.put(field.getKey(), field.getValue().asText()));
    return new LfsObject.Action(URI.create(node.get("href").asText()), header);
  }

  private static InputStream slice(LocalFile.ByteSource source, long offset, long length) {
    try {
      return new Slice(source.open(offset), length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** At most {@code remaining} bytes of a stream. */
  private static final class Slice extends FilterInputStream {
    private long remaining;

    Slice(InputStream in, long length) {
      super(in);
      this.remaining = length;
    }

    @Override
    public int read() throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int b = super.read();
      remaining -= b < 0 ? 0 : 1;
      return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int read = super.read(buffer, off, (int) Math.min(len, remaining));
      remaining -= Math.max(read, 0);
      return read;
    }
  }
}
