package io.macexo.exoetl.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Hub API calls a sync needs, one method per endpoint (see docs/hub.md and HUB_PROTOCOL.md):
 * create repo, repo info, tree (paginated by {@code Link}), preupload, LFS batch, storage PUT,
 * multipart completion, verify and commit. Every call except the commit is retried by {@link
 * HubHttp}.
 */
public final class HubClient {
  private static final String LFS_JSON = "application/vnd.git-lfs+json";
  private static final Duration API_TIMEOUT = Duration.ofMinutes(2);
  private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");
  private static final int PREUPLOAD_CHUNK = 256;
  private static final Set<String> RESTRICTED_HEADERS =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final URI endpoint;
  private final HubHttp http;

  /**
   * @param notices receives one line per retry, for the progress output
   */
  public HubClient(URI endpoint, HubToken token, RetryPolicy retry, Consumer<String> notices) {
    this.endpoint = endpoint;
    this.http = new HubHttp(token, retry, notices);
  }

  /** Requests sent so far, retries included. */
  public int requestCount() {
    return http.requestCount();
  }

  /** The web URL of a commit. */
  public String commitUrl(RepoId repo, String commitOid) {
    return endpoint + repo.webPath() + "/commit/" + commitOid;
  }

  /** Creates a dataset repo; returns false when it already exists (409). */
  public boolean createRepo(RepoId repo, boolean privateRepo) {
    ObjectNode body = http.mapper().createObjectNode();
    body.put("name", repo.name()).put("organization", repo.namespace()).put("type", "dataset");
    body.put("visibility", privateRepo ? "private" : "public");
    HttpRequest request =
        http.authorized(api("/api/repos/create"))
            .timeout(API_TIMEOUT)
            .header("content-type", "application/json")
            .POST(BodyPublishers.ofString(body.toString()))
            .build();
    return http.send("create dataset repo " + repo, request, Set.of(409)).statusCode() != 409;
  }

  /** The head commit of a revision, or empty when the repo or revision does not exist. */
  public Optional<String> headCommit(RepoId repo, String revision) {
    String action = "read " + repo + "@" + revision;
    HttpRequest request =
        http.authorized(api(repo.apiPath() + "/revision/" + encode(revision)))
            .timeout(API_TIMEOUT)
            .GET()
            .build();
    HttpResponse<byte[]> response = http.send(action, request, Set.of(404));
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    return Optional.ofNullable(http.json(action, response).path("sha").textValue());
  }

  /** The head of a revision and every file in it, listed at the head commit so both agree. */
  public RemoteState remoteState(RepoId repo, String revision) {
    Optional<String> head = headCommit(repo, revision);
    if (head.isEmpty()) {
      return RemoteState.empty();
    }
    Map<String, RemoteFile> files = new HashMap<>();
    URI page = api(repo.apiPath() + "/tree/" + head.get() + "?recursive=true&expand=false");
    String action = "list the files of " + repo + "@" + revision;
    while (page != null) {
      HttpResponse<byte[]> response =
          http.send(action, http.authorized(page).timeout(API_TIMEOUT).GET().build(), Set.of());
      for (JsonNode entry : http.json(action, response)) {
        if ("file".equals(entry.path("type").asText())) {
          JsonNode lfs = entry.get("lfs");
          String sha256 = lfs == null || lfs.isNull() ? null : lfs.path("oid").asText(null);
          String path = entry.path("path").asText();
          files.put(
              path,
              new RemoteFile(
                  path, entry.path("size").asLong(), entry.path("oid").asText(null), sha256));
        }
      }
      page = nextPage(action, response);
    }
    return new RemoteState(head.get(), files);
  }

  /** Asks the Hub how each file must be uploaded (at most 256 files a call). */
  public Map<String, UploadMode> uploadModes(RepoId repo, String revision, List<LocalFile> files) {
    Map<String, UploadMode> modes = new HashMap<>();
    for (int from = 0; from < files.size(); from += PREUPLOAD_CHUNK) {
      List<LocalFile> chunk = files.subList(from, Math.min(files.size(), from + PREUPLOAD_CHUNK));
      ObjectNode body = http.mapper().createObjectNode();
      ArrayNode list = body.putArray("files");
      for (LocalFile file : chunk) {
        list.addObject()
            .put("path", file.path())
            .put("size", file.size())
            .put("sample", java.util.Base64.getEncoder().encodeToString(file.sample()));
      }
      String action =
          "ask "
              + repo
              + " how to upload "
              + chunk.get(0).path()
              + (chunk.size() > 1 ? " and others" : "");
      JsonNode answer =
          postJson(action, api(repo.apiPath() + "/preupload/" + encode(revision)), body);
      for (JsonNode file : answer.path("files")) {
        modes.put(file.path("path").asText(), UploadMode.parse(file.path("uploadMode").asText()));
      }
    }
    return modes;
  }

  /** Asks LFS where to upload objects; objects without an upload action are already stored. */
  public List<LfsObject> lfsBatch(
      RepoId repo, String revision, List<LocalFile> files, String action) {
    ObjectNode body =
        http.mapper().createObjectNode().put("operation", "upload").put("hash_algo", "sha256");
    body.putArray("transfers").add("basic").add("multipart");
    body.putObject("ref").put("name", revision);
    ArrayNode objects = body.putArray("objects");
    files.forEach(file -> objects.addObject().put("oid", file.sha256()).put("size", file.size()));
    HttpRequest request =
        http.authorized(api(repo.webPath() + ".git/info/lfs/objects/batch"))
            .timeout(API_TIMEOUT)
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
  public void postLfs(
      String action, URI url, Map<String, String> header, JsonNode body, boolean withToken) {
    boolean token = withToken && HubHttp.sameOrigin(url, endpoint);
    HttpRequest.Builder builder =
        copyHeaders(token ? http.authorized(url) : http.anonymous(url), header);
    HttpRequest request =
        builder
            .timeout(API_TIMEOUT)
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
   * POSTs a commit once (never retried here: see {@link BatchCommitter}); returns its id and URL.
   */
  public CommitResult commit(RepoId repo, String revision, String ndjson, String summary) {
    String action = "commit '" + summary + "' to " + repo + "@" + revision;
    HttpRequest request =
        http.authorized(api(repo.apiPath() + "/commit/" + encode(revision)))
            .timeout(API_TIMEOUT)
            .header("content-type", "application/x-ndjson")
            .POST(BodyPublishers.ofByteArray(CommitPayload.bytes(ndjson)))
            .build();
    JsonNode answer = http.json(action, http.sendWithoutRetry(action, request));
    String oid = answer.path("commitOid").asText(null);
    if (oid == null) {
      throw HubException.local(action, "the Hub's answer has no commitOid");
    }
    return new CommitResult(oid, answer.path("commitUrl").asText(commitUrl(repo, oid)));
  }

  /** A commit the Hub accepted. */
  public record CommitResult(String commitOid, String commitUrl) {}

  private JsonNode postJson(String action, URI uri, JsonNode body) {
    HttpRequest request =
        http.authorized(uri)
            .timeout(API_TIMEOUT)
            .header("content-type", "application/json")
            .POST(BodyPublishers.ofString(body.toString()))
            .build();
    return http.json(action, http.send(action, request, Set.of()));
  }

  private URI api(String pathAndQuery) {
    return URI.create(endpoint + pathAndQuery);
  }

  /** The next page of a listing; refuses a link to another host, which would receive the token. */
  private URI nextPage(String action, HttpResponse<byte[]> response) {
    Optional<String> link = response.headers().firstValue("link");
    Matcher matcher = NEXT_LINK.matcher(link.orElse(""));
    if (!matcher.find()) {
      return null;
    }
    URI next = endpoint.resolve(matcher.group(1));
    if (!HubHttp.sameOrigin(next, endpoint)) {
      throw HubException.local(
          action, "the next page link points to another host: " + next.getHost());
    }
    return next;
  }

  /**
   * Adds the headers an LFS action asked for, leaving out those the JDK sets itself and the
   * multipart keys ({@code chunk_size}, part numbers), which are instructions, not headers.
   */
  private static HttpRequest.Builder copyHeaders(
      HttpRequest.Builder builder, Map<String, String> header) {
    header.forEach(
        (name, value) -> {
          String lower = name.toLowerCase(java.util.Locale.ROOT);
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

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
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
