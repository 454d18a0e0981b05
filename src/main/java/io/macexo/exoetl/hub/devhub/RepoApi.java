package io.macexo.exoetl.hub.devhub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.macexo.exoetl.hub.GitOids;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The read side of the repo API and repo creation: create (409 when it exists; the first commit
 * adds the Hub's default {@code .gitattributes}), repo info with {@code sha}, tree listing
 * (recursive or not, paginated with an absolute {@code Link: <...>; rel="next"}), paths-info,
 * commit history (newest first, paginated, {@code X-Total-Count}) and whoami.
 */
final class RepoApi {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,95}");
  private static final String GITATTRIBUTES =
      String.join(
          "\n",
          "*.7z filter=lfs diff=lfs merge=lfs -text",
          "*.arrow filter=lfs diff=lfs merge=lfs -text",
          "*.bin filter=lfs diff=lfs merge=lfs -text",
          "*.gz filter=lfs diff=lfs merge=lfs -text",
          "*.h5 filter=lfs diff=lfs merge=lfs -text",
          "*.npy filter=lfs diff=lfs merge=lfs -text",
          "*.npz filter=lfs diff=lfs merge=lfs -text",
          "*.parquet filter=lfs diff=lfs merge=lfs -text",
          "*.pt filter=lfs diff=lfs merge=lfs -text",
          "*.safetensors filter=lfs diff=lfs merge=lfs -text",
          "*.tar filter=lfs diff=lfs merge=lfs -text",
          "*.zip filter=lfs diff=lfs merge=lfs -text",
          "*.zst filter=lfs diff=lfs merge=lfs -text",
          "*tfevents* filter=lfs diff=lfs merge=lfs -text",
          "");

  private final RepoStore repos;
  private final BlobStore blobs;
  private final DevHubOptions options;

  RepoApi(RepoStore repos, BlobStore blobs, DevHubOptions options) {
    this.repos = repos;
    this.blobs = blobs;
    this.options = options;
  }

  DevResponse create(DevRequest request) {
    JsonNode body = request.json();
    String type = body.path("type").asText("model");
    String name = body.path("name").asText("");
    String namespace = body.path("organization").asText(request.user);
    if (!List.of("model", "dataset", "space").contains(type)
        || !NAME.matcher(name).matches()
        || !NAME.matcher(namespace).matches()) {
      throw DevHubError.badRequest(
          "Invalid repo: type '" + type + "', name '" + namespace + "/" + name + "'");
    }
    boolean privateRepo =
        body.path("private").asBoolean(false) || "private".equals(body.path("visibility").asText());
    String key = type + "/" + namespace + "/" + name;
    String url =
        request.baseUrl
            + (type.equals("model") ? "" : "/" + type + "s")
            + "/"
            + namespace
            + "/"
            + name;
    DevRepo repo = repos.create(key, privateRepo).orElse(null);
    if (repo == null) {
      return DevResponse.json(
          409,
          DevRequest.JSON
              .createObjectNode()
              .put("error", "You already created this " + type + " repo")
              .put("url", url));
    }
    Map<String, DevCommit.Entry> files = new TreeMap<>();
    byte[] attributes = GITATTRIBUTES.getBytes(StandardCharsets.UTF_8);
    files.put(".gitattributes", DevCommit.Entry.regular(attributes, blobs.put(attributes)));
    for (JsonNode file : body.path("files")) {
      byte[] content = Base64.getDecoder().decode(file.path("content").asText());
      files.put(
          CommitApi.checkedPath(file.path("path").asText()),
          DevCommit.Entry.regular(content, blobs.put(content)));
    }
    repo.commit("main", null, "initial commit", "", request.user, head -> files);
    return DevResponse.json(
        DevRequest.JSON
            .createObjectNode()
            .put("url", url)
            .put("name", namespace + "/" + name)
            .put("id", GitOids.sha256(key.getBytes(StandardCharsets.UTF_8)).substring(0, 24)));
  }

  DevResponse info(DevRequest request, DevRepo repo) {
    DevCommit head = revision(repo, request.match.revision());
    ObjectNode info = DevRequest.JSON.createObjectNode();
    info.put("_id", GitOids.sha256(repo.key.getBytes(StandardCharsets.UTF_8)).substring(0, 24));
    info.put("id", repo.id)
        .put("author", repo.id.substring(0, repo.id.indexOf('/')))
        .put("sha", head.id());
    info.put("private", repo.privateRepo)
        .put("gated", false)
        .put("disabled", false)
        .put("downloads", 0);
    info.put("likes", 0).put("createdAt", repo.createdAt).put("lastModified", head.date());
    info.putArray("tags");
    ArrayNode siblings = info.putArray("siblings");
    head.files().keySet().forEach(path -> siblings.addObject().put("rfilename", path));
    return DevResponse.json(info);
  }

  DevResponse tree(DevRequest request, DevRepo repo) {
    DevCommit commit = revision(repo, request.match.revision());
    String prefix = request.match.path();
    boolean recursive = Boolean.parseBoolean(request.param("recursive", "false"));
    List<ObjectNode> entries = TreeEntries.list(commit, prefix, recursive);
    if (entries.isEmpty() && !prefix.isEmpty()) {
      throw DevHubError.entryNotFound(prefix);
    }
    int offset = cursor(request.param("cursor", null));
    int end = Math.min(entries.size(), offset + options.treePageSize());
    ArrayNode page = DevRequest.JSON.createArrayNode();
    entries.subList(Math.min(offset, end), end).forEach(page::add);
    DevResponse response = DevResponse.json(page);
    if (end < entries.size()) {
      String next =
          request.baseUrl
              + "/api/"
              + repo.key.replaceFirst("/", "s/")
              + "/tree/"
              + request.match.revision()
              + (prefix.isEmpty() ? "" : "/" + prefix)
              + "?recursive="
              + recursive
              + "&expand=false&cursor="
              + Base64.getUrlEncoder()
                  .withoutPadding()
                  .encodeToString(String.valueOf(end).getBytes(StandardCharsets.UTF_8));
      response.header("Link", "<" + next + ">; rel=\"next\"");
    }
    return response;
  }

  DevResponse pathsInfo(DevRequest request, DevRepo repo) {
    DevCommit commit = revision(repo, request.match.revision());
    List<String> paths = TreeEntries.requestedPaths(request);
    ArrayNode answer = DevRequest.JSON.createArrayNode();
    for (String path : paths) {
      TreeEntries.one(commit, path).ifPresent(answer::add);
    }
    return DevResponse.json(answer);
  }

  DevResponse commits(DevRequest request, DevRepo repo) {
    List<DevCommit> history = repo.history(revision(repo, request.match.revision()));
    int limit =
        Math.max(
            1, Math.min(options.commitsPageSize(), Integer.parseInt(request.param("limit", "50"))));
    int page = Integer.parseInt(request.param("p", "0"));
    int from = Math.min(history.size(), page * limit);
    int to = Math.min(history.size(), from + limit);
    ArrayNode items = DevRequest.JSON.createArrayNode();
    for (DevCommit c : history.subList(from, to)) {
      ObjectNode item =
          items.addObject().put("id", c.id()).put("title", c.title()).put("message", c.message());
      item.putArray("authors")
          .addObject()
          .put("user", c.author())
          .put("avatar", request.baseUrl + "/avatars/" + c.author());
      item.put("date", c.date());
    }
    DevResponse response =
        DevResponse.json(items).header("X-Total-Count", String.valueOf(history.size()));
    if (to < history.size()) {
      response.header(
          "Link",
          "<"
              + request.baseUrl
              + "/api/"
              + repo.key.replaceFirst("/", "s/")
              + "/commits/"
              + request.match.revision()
              + "?limit="
              + limit
              + "&p="
              + (page + 1)
              + ">; rel=\"next\"");
    }
    return response;
  }

  DevResponse whoami(DevRequest request) {
    if (request.user == null) {
      throw new DevHubError(401, null, "Invalid credentials in Authorization header");
    }
    return DevResponse.json(
        DevRequest.JSON.createObjectNode().put("type", "user").put("name", request.user));
  }

  /** The commit a revision names, or 404 RevisionNotFound. */
  static DevCommit revision(DevRepo repo, String revision) {
    DevCommit commit = repo.resolve(revision);
    if (commit == null) {
      throw DevHubError.revisionNotFound(revision);
    }
    return commit;
  }

  private static int cursor(String text) {
    if (text == null) {
      return 0;
    }
    try {
      return Integer.parseInt(
          new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw DevHubError.badRequest("Invalid cursor");
    }
  }
}
