package io.macexo.exoetl.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Hub API calls a sync reads and commits with (see docs/hub.md and HUB_PROTOCOL.md): revision
 * lookup, tree (paginated by {@code Link}), paths-info (batched, {@value #PATHS_INFO_CHUNK} paths a
 * call), file download, preupload and the commit. Repo, branch and tag creation are in {@link
 * HubRepos}, LFS transfers in {@link LfsClient}; all three share one {@link HubHttp}, so every call
 * except the commit is retried, rate limits are waited out and the request count is one number.
 */
public final class HubClient {
  private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");
  private static final int PREUPLOAD_CHUNK = 256;

  /** Paths per paths-info call: HUB_PROTOCOL.md's documented limit (the Hub takes up to 1,000). */
  static final int PATHS_INFO_CHUNK = 500;

  private final URI endpoint;
  private final HubHttp http;
  private final LfsClient lfs;
  private final HubRepos repos;

  /**
   * @param notices receives one line per retry or rate-limit wait, for the progress output
   */
  public HubClient(
      URI endpoint,
      HubToken token,
      RetryPolicy retry,
      HubTimeouts timeouts,
      Consumer<String> notices) {
    this.endpoint = endpoint;
    this.http = new HubHttp(token, retry, timeouts, notices);
    this.lfs = new LfsClient(endpoint, http);
    this.repos = new HubRepos(this, http);
  }

  /** A client with the default timeouts. */
  public HubClient(URI endpoint, HubToken token, RetryPolicy retry, Consumer<String> notices) {
    this(endpoint, token, retry, HubTimeouts.standard(), notices);
  }

  public LfsClient lfs() {
    return lfs;
  }

  public HubRepos repos() {
    return repos;
  }

  /** Requests sent so far, retries included. */
  public int requestCount() {
    return http.requestCount();
  }

  /** The web URL of a commit. */
  public String commitUrl(RepoId repo, String commitOid) {
    return endpoint + repo.webPath() + "/commit/" + commitOid;
  }

  URI api(String pathAndQuery) {
    return URI.create(endpoint + pathAndQuery);
  }

  /** What a revision is: its head, or which of repo and revision is missing. */
  public RevisionLookup lookup(RepoId repo, String revision) {
    String action = "read " + repo + "@" + revision;
    HttpResponse<byte[]> response =
        http.send(action, get(repo.apiPath() + "/revision/" + encode(revision)), Set.of(404));
    if (response.statusCode() != 404) {
      return RevisionLookup.found(http.json(action, response).path("sha").textValue());
    }
    String code = response.headers().firstValue("x-error-code").orElse("");
    if (code.equals("RevisionNotFound")) {
      return RevisionLookup.MISSING_REVISION;
    }
    if (code.equals("RepoNotFound")) {
      return RevisionLookup.MISSING_REPO;
    }
    HttpResponse<byte[]> info = http.send("read " + repo, get(repo.apiPath()), Set.of(404));
    return info.statusCode() == 404 ? RevisionLookup.MISSING_REPO : RevisionLookup.MISSING_REVISION;
  }

  /** The head commit of a revision, or empty when the repo or revision does not exist. */
  public Optional<String> headCommit(RepoId repo, String revision) {
    return Optional.ofNullable(lookup(repo, revision).head());
  }

  /** The head of a revision and every file in it, listed at the head commit so both agree. */
  public RemoteState remoteState(RepoId repo, String revision) {
    Optional<String> head = headCommit(repo, revision);
    return head.isEmpty() ? RemoteState.empty() : listAt(repo, revision, head.get());
  }

  /** Every file of a commit, following the tree's {@code Link} pages (on the same host only). */
  RemoteState listAt(RepoId repo, String revision, String commit) {
    Map<String, RemoteFile> files = new HashMap<>();
    URI page = api(repo.apiPath() + "/tree/" + commit + "?recursive=true&expand=false");
    String action = "list the files of " + repo + "@" + revision;
    while (page != null) {
      HttpResponse<byte[]> response =
          http.send(action, http.authorized(page).GET().build(), Set.of());
      addFiles(files, http.json(action, response));
      page = nextPage(action, response);
    }
    return new RemoteState(commit, files);
  }

  /**
   * The head of a revision and those of {@code paths} it holds (others are left out): what a
   * commit's recovery needs, in one paths-info call per {@value #PATHS_INFO_CHUNK} paths instead of
   * listing the whole tree.
   */
  public RemoteState remoteState(RepoId repo, String revision, List<String> paths) {
    Optional<String> head = headCommit(repo, revision);
    if (head.isEmpty()) {
      return RemoteState.empty();
    }
    Map<String, RemoteFile> files = new HashMap<>();
    String action = "read paths of " + repo + "@" + revision;
    URI uri = api(repo.apiPath() + "/paths-info/" + head.get());
    for (int from = 0; from < paths.size(); from += PATHS_INFO_CHUNK) {
      ObjectNode body = http.mapper().createObjectNode().put("expand", false);
      ArrayNode list = body.putArray("paths");
      paths.subList(from, Math.min(paths.size(), from + PATHS_INFO_CHUNK)).forEach(list::add);
      addFiles(files, postJson(action, uri, body));
    }
    return new RemoteState(head.get(), files);
  }

  /** The bytes of a (small, regular) file at a commit. */
  public byte[] download(RepoId repo, String commit, String path) {
    String encoded =
        List.of(path.split("/")).stream().map(HubClient::encode).collect(Collectors.joining("/"));
    String action = "download " + path + " from " + repo + "@" + commit;
    return http.send(action, get(repo.webPath() + "/resolve/" + commit + "/" + encoded), Set.of())
        .body();
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
            .put("sample", Base64.getEncoder().encodeToString(file.sample()));
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

  /** POSTs a commit once (never retried here: see {@link CommitLoop}); returns its id and URL. */
  public CommitResult commit(RepoId repo, String revision, String ndjson, String summary) {
    String action = "commit '" + summary + "' to " + repo + "@" + revision;
    HttpRequest request =
        http.authorized(api(repo.apiPath() + "/commit/" + encode(revision)))
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

  JsonNode postJson(String action, URI uri, JsonNode body) {
    HttpRequest request =
        http.authorized(uri)
            .header("content-type", "application/json")
            .POST(BodyPublishers.ofString(body.toString()))
            .build();
    return http.json(action, http.send(action, request, Set.of()));
  }

  HttpRequest get(String pathAndQuery) {
    return http.authorized(api(pathAndQuery)).GET().build();
  }

  static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static void addFiles(Map<String, RemoteFile> files, JsonNode entries) {
    for (JsonNode entry : entries) {
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
}
