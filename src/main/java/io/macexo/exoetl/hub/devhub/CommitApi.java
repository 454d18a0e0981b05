package io.macexo.exoetl.hub.devhub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.macexo.exoetl.hub.GitOids;
import io.macexo.exoetl.hub.RepoPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The write side: preupload (which files go by LFS, and the oid the remote holds for each) and the
 * NDJSON commit. A commit is checked whole before it lands: parent still the head (else 412), paths
 * valid, every {@code lfsFile} naming an object that was uploaded with that size, every deleted
 * path present. Then the new snapshot becomes the branch head in one step.
 */
final class CommitApi {
  private static final long LFS_SIZE = 10L * 1000 * 1000;
  private static final int MAX_PREUPLOAD_FILES = 256;

  private final BlobStore blobs;

  CommitApi(BlobStore blobs) {
    this.blobs = blobs;
  }

  DevResponse preupload(DevRequest request, DevRepo repo) {
    JsonNode body = request.json();
    JsonNode files = body.path("files");
    if (!files.isArray() || files.size() > MAX_PREUPLOAD_FILES) {
      throw DevHubError.badRequest(
          "Expected 'files', at most " + MAX_PREUPLOAD_FILES + " per call");
    }
    DevCommit head = RepoApi.revision(repo, request.match.revision());
    LfsPatterns patterns =
        LfsPatterns.parse(attributes(head) + "\n" + body.path("gitAttributes").asText(""));
    ObjectNode answer = DevRequest.JSON.createObjectNode();
    ArrayNode list = answer.putArray("files");
    for (JsonNode file : files) {
      String path = checkedPath(file.path("path").asText());
      long size = file.path("size").asLong();
      byte[] sample = Base64.getDecoder().decode(file.path("sample").asText(""));
      boolean lfs = size > 0 && (patterns.matches(path) || size >= LFS_SIZE || isBinary(sample));
      ObjectNode item =
          list.addObject()
              .put("path", path)
              .put("uploadMode", lfs ? "lfs" : "regular")
              .put("shouldIgnore", false);
      DevCommit.Entry there = head.files().get(path);
      if (there != null) {
        item.put("oid", there.lfs() ? there.sha256() : there.gitOid());
      }
    }
    answer.put("commitOid", head.id());
    return DevResponse.json(answer);
  }

  DevResponse commit(DevRequest request, DevRepo repo) {
    List<JsonNode> lines = ndjson(request);
    JsonNode header = lines.get(0).path("value");
    if (!"header".equals(lines.get(0).path("key").asText())
        || header.path("summary").asText("").isBlank()) {
      throw DevHubError.badRequest("The first line must be the header, with a summary");
    }
    String parent = header.hasNonNull("parentCommit") ? header.get("parentCommit").asText() : null;
    List<JsonNode> operations = lines.subList(1, lines.size());
    DevCommit commit =
        repo.commit(
            request.match.revision(),
            parent,
            header.path("summary").asText(),
            header.path("description").asText(""),
            request.user,
            head -> apply(head, operations));
    String url =
        request.baseUrl
            + "/"
            + repo.key.replaceFirst("/", "s/").replaceFirst("^models/", "")
            + "/commit/"
            + commit.id();
    return DevResponse.json(
        DevRequest.JSON
            .createObjectNode()
            .put("success", true)
            .put("commitOid", commit.id())
            .put("commitUrl", url)
            .put("hookOutput", ""));
  }

  /** A path that follows the repo path rules, or 400 naming it. */
  static String checkedPath(String path) {
    String problem = RepoPaths.problem(path);
    if (problem != null) {
      throw DevHubError.badRequest("Invalid path '" + path + "': " + problem);
    }
    return path;
  }

  private Map<String, DevCommit.Entry> apply(
      Map<String, DevCommit.Entry> head, List<JsonNode> operations) {
    Map<String, DevCommit.Entry> files = new TreeMap<>(head);
    Set<String> touched = new HashSet<>();
    for (JsonNode line : operations) {
      String key = line.path("key").asText();
      JsonNode value = line.path("value");
      String path = checkedPath(value.path("path").asText());
      if (!touched.add(path)) {
        throw DevHubError.badRequest("Path '" + path + "' appears twice in the commit");
      }
      switch (key) {
        case "file" -> addRegular(files, path, value);
        case "lfsFile" -> addLfs(files, path, value);
        case "deletedFile" -> {
          if (files.remove(path) == null) {
            throw DevHubError.entryNotFound(path);
          }
        }
        case "deletedFolder" -> {
          if (!files.keySet().removeIf(p -> p.startsWith(path + "/"))) {
            throw DevHubError.entryNotFound(path);
          }
        }
        default -> throw DevHubError.badRequest("Unknown commit operation '" + key + "'");
      }
    }
    return files;
  }

  private void addRegular(Map<String, DevCommit.Entry> files, String path, JsonNode value) {
    String encoding = value.path("encoding").asText("utf-8");
    String content = value.path("content").asText("");
    byte[] bytes;
    try {
      bytes =
          encoding.equals("base64")
              ? Base64.getDecoder().decode(content)
              : content.getBytes(StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw DevHubError.badRequest("Invalid base64 content for '" + path + "'");
    }
    files.put(path, DevCommit.Entry.regular(bytes, blobs.put(bytes)));
  }

  private void addLfs(Map<String, DevCommit.Entry> files, String path, JsonNode value) {
    String oid = value.path("oid").asText();
    long size = value.path("size").asLong(-1);
    if (!"sha256".equals(value.path("algo").asText("sha256"))
        || !GitOids.isSha256(oid)
        || size < 0) {
      throw DevHubError.badRequest(
          "Invalid lfsFile '" + path + "': need algo sha256, a sha256 oid and a size");
    }
    if (!blobs.has(oid, size)) {
      throw DevHubError.badRequest(
          "Your push was rejected because an LFS pointer pointed to a file that does not "
              + "exist: '"
              + path
              + "' names object "
              + oid
              + " of "
              + size
              + " bytes, which was never uploaded");
    }
    files.put(path, DevCommit.Entry.lfs(oid, size));
  }

  private static List<JsonNode> ndjson(DevRequest request) {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : new String(request.bodyBytes(), StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        try {
          lines.add(DevRequest.JSON.readTree(line));
        } catch (IOException e) {
          throw DevHubError.badRequest(
              "Invalid NDJSON line: " + e.getMessage().lines().findFirst().orElse(""));
        }
      }
    }
    if (lines.isEmpty()) {
      throw DevHubError.badRequest("Empty commit payload");
    }
    return lines;
  }

  private String attributes(DevCommit head) {
    DevCommit.Entry entry = head.files().get(".gitattributes");
    try {
      return entry == null
          ? ""
          : Files.readString(blobs.path(entry.sha256()), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isBinary(byte[] sample) {
    for (byte b : sample) {
      if (b == 0) {
        return true;
      }
    }
    return false;
  }
}
