package io.macexo.exoetl.hub.devhub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.macexo.exoetl.hub.GitOids;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Tree entries in the Hub's JSON shape: {@code
 * {"type":"file","oid","size","path","lfs":{"oid","size", "pointerSize"}}} and {@code
 * {"type":"directory","oid","size":0,"path"}}. Folders are implied by file paths; a folder's oid is
 * a SHA-1 over its files' ids (stable, not Git's tree id).
 */
final class TreeEntries {
  private TreeEntries() {}

  /** The entries under a folder ("" for the root), folders first, each group sorted by path. */
  static List<ObjectNode> list(DevCommit commit, String folder, boolean recursive) {
    String prefix = folder.isEmpty() ? "" : folder + "/";
    TreeSet<String> folders = new TreeSet<>();
    Map<String, DevCommit.Entry> files = new TreeMap<>();
    commit
        .files()
        .forEach(
            (path, entry) -> {
              if (!path.startsWith(prefix)) {
                return;
              }
              String rest = path.substring(prefix.length());
              int slash = rest.indexOf('/');
              if (slash < 0) {
                files.put(path, entry);
                return;
              }
              folders.add(prefix + rest.substring(0, slash));
              if (recursive) {
                files.put(path, entry);
                for (int i = rest.indexOf('/', slash + 1); i > 0; i = rest.indexOf('/', i + 1)) {
                  folders.add(prefix + rest.substring(0, i));
                }
              }
            });
    List<ObjectNode> entries = new ArrayList<>();
    folders.forEach(path -> entries.add(directory(commit, path)));
    files.forEach((path, entry) -> entries.add(file(path, entry)));
    return entries;
  }

  /** The entry of one path (file or folder), if it exists. */
  static Optional<ObjectNode> one(DevCommit commit, String path) {
    DevCommit.Entry entry = commit.files().get(path);
    if (entry != null) {
      return Optional.of(file(path, entry));
    }
    boolean isFolder = commit.files().keySet().stream().anyMatch(p -> p.startsWith(path + "/"));
    return isFolder ? Optional.of(directory(commit, path)) : Optional.empty();
  }

  static ObjectNode file(String path, DevCommit.Entry entry) {
    ObjectNode node =
        DevRequest.JSON
            .createObjectNode()
            .put("type", "file")
            .put("oid", entry.gitOid())
            .put("size", entry.size())
            .put("path", path);
    if (entry.lfs()) {
      node.putObject("lfs")
          .put("oid", entry.sha256())
          .put("size", entry.size())
          .put("pointerSize", entry.pointerSize());
    }
    return node;
  }

  private static ObjectNode directory(DevCommit commit, String path) {
    StringBuilder ids = new StringBuilder(path);
    commit
        .files()
        .forEach(
            (p, entry) -> {
              if (p.startsWith(path + "/")) {
                ids.append(p).append(entry.gitOid());
              }
            });
    String oid =
        GitOids.hex(
            GitOids.digest("SHA-1").digest(ids.toString().getBytes(StandardCharsets.UTF_8)));
    return DevRequest.JSON
        .createObjectNode()
        .put("type", "directory")
        .put("oid", oid)
        .put("size", 0)
        .put("path", path);
  }

  /**
   * The {@code paths} of a paths-info request: a JSON body, or a form body as Python's client sends
   * it.
   */
  static List<String> requestedPaths(DevRequest request) {
    String type = request.header("Content-Type");
    List<String> paths = new ArrayList<>();
    if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
      String form = new String(request.bodyBytes(), StandardCharsets.UTF_8);
      paths.addAll(DevRequest.parseQuery(form).getOrDefault("paths", List.of()));
    } else {
      JsonNode list = request.json().path("paths");
      (list.isArray() ? list : DevRequest.JSON.createArrayNode().add(list))
          .forEach(p -> paths.add(p.asText()));
    }
    if (paths.size() > 1000) {
      throw DevHubError.badRequest("Too many paths: " + paths.size() + " (at most 1000)");
    }
    return paths;
  }
}
