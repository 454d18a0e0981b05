package io.macexo.exoetl.hub.devhub;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * One repo of the dev-hub: its branches (name to head commit), its tags (name to commit) and its
 * commits, kept on disk under {@code repos/<type>/<ns>/<name>/} as {@code repo.json} and {@code
 * commits/<id>.json} so a restarted server has the same state. Commits and ref changes on a repo
 * are serialised by its monitor, so checking the parent and moving the branch are one step.
 */
final class DevRepo {
  private static final ObjectMapper JSON = new ObjectMapper();

  final String key;
  final String id;
  final boolean privateRepo;
  final String createdAt;
  private final Path dir;
  private final Map<String, String> refs = new ConcurrentHashMap<>();
  private final Map<String, String> tags = new ConcurrentHashMap<>();
  private final Map<String, DevCommit> commits = new ConcurrentHashMap<>();

  private DevRepo(String key, boolean privateRepo, String createdAt, Path dir) {
    this.key = key;
    this.id = key.substring(key.indexOf('/') + 1);
    this.privateRepo = privateRepo;
    this.createdAt = createdAt;
    this.dir = dir;
  }

  /** A new repo on disk, with no commits yet. */
  static DevRepo create(String key, boolean privateRepo, Path dir) {
    DevRepo repo = new DevRepo(key, privateRepo, Instant.now().toString(), dir);
    repo.save();
    return repo;
  }

  /** A repo read back from disk. */
  static DevRepo load(Path dir) {
    try {
      ObjectNode meta = (ObjectNode) JSON.readTree(dir.resolve("repo.json").toFile());
      DevRepo repo =
          new DevRepo(
              meta.get("key").asText(),
              meta.get("private").asBoolean(),
              meta.get("createdAt").asText(),
              dir);
      meta.get("refs")
          .fields()
          .forEachRemaining(ref -> repo.refs.put(ref.getKey(), ref.getValue().asText()));
      meta.path("tags")
          .fields()
          .forEachRemaining(tag -> repo.tags.put(tag.getKey(), tag.getValue().asText()));
      return repo;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the dev-hub repo in " + dir, e);
    }
  }

  /** The head of a branch, or null. */
  String head(String branch) {
    return refs.get(branch);
  }

  /**
   * The commit a revision names (a branch, {@code HEAD} for main, a tag, {@code refs/heads/...},
   * {@code refs/tags/...}, or a commit id), or null.
   */
  DevCommit resolve(String revision) {
    String name = revision.equals("HEAD") ? "main" : revision;
    String commitId =
        name.startsWith("refs/heads/")
            ? refs.getOrDefault(name.substring(11), "")
            : name.startsWith("refs/tags/")
                ? tags.getOrDefault(name.substring(10), "")
                : refs.getOrDefault(name, tags.getOrDefault(name, name));
    return commitId.matches("[0-9a-f]{40}") ? commit(commitId) : null;
  }

  /** Branch names to head commits. */
  Map<String, String> branches() {
    return new java.util.TreeMap<>(refs);
  }

  /** Tag names to commits. */
  Map<String, String> tags() {
    return new java.util.TreeMap<>(tags);
  }

  /** Creates a branch at a commit; false when a branch or tag of that name exists. */
  synchronized boolean createBranch(String name, String commitId) {
    if (refs.containsKey(name) || tags.containsKey(name)) {
      return false;
    }
    refs.put(name, commitId);
    save();
    return true;
  }

  /** Tags a commit; false when a tag or branch of that name exists. */
  synchronized boolean createTag(String name, String commitId) {
    if (tags.containsKey(name) || refs.containsKey(name)) {
      return false;
    }
    tags.put(name, commitId);
    save();
    return true;
  }

  /** The commits reachable from a revision, newest first. */
  List<DevCommit> history(DevCommit head) {
    List<DevCommit> history = new ArrayList<>();
    for (DevCommit c = head; c != null; c = c.parent() == null ? null : commit(c.parent())) {
      history.add(c);
    }
    return history;
  }

  /**
   * Makes a commit on a branch.
   *
   * @param expectedParent when not null, the head the client planned against: 412 if it moved
   * @param change turns the head snapshot into the new one; throws {@link DevHubError} to refuse
   */
  synchronized DevCommit commit(
      String branch,
      String expectedParent,
      String title,
      String message,
      String author,
      UnaryOperator<Map<String, DevCommit.Entry>> change) {
    if (!refs.containsKey(branch) && !refs.isEmpty()) {
      throw DevHubError.revisionNotFound(branch);
    }
    String head = refs.get(branch);
    if (expectedParent != null && !expectedParent.equals(head)) {
      throw new DevHubError(
          412, null, "A commit has happened since. Please refresh and try again.");
    }
    Map<String, DevCommit.Entry> files =
        change.apply(head == null ? Map.of() : commit(head).files());
    String date = Instant.now().toString();
    DevCommit commit =
        new DevCommit(
            DevCommit.idOf(head, title, date, files), head, title, message, author, date, files);
    write(dir.resolve("commits").resolve(commit.id() + ".json"), JSON.valueToTree(commit));
    commits.put(commit.id(), commit);
    refs.put(branch, commit.id());
    save();
    return commit;
  }

  private DevCommit commit(String commitId) {
    return commits.computeIfAbsent(
        commitId,
        missing -> {
          Path file = dir.resolve("commits").resolve(missing + ".json");
          if (!Files.isRegularFile(file)) {
            return null;
          }
          try {
            return JSON.readValue(file.toFile(), DevCommit.class);
          } catch (IOException e) {
            throw new UncheckedIOException("Cannot read dev-hub commit " + file, e);
          }
        });
  }

  private void save() {
    ObjectNode meta =
        JSON.createObjectNode()
            .put("key", key)
            .put("private", privateRepo)
            .put("createdAt", createdAt);
    ObjectNode refsNode = meta.putObject("refs");
    refs.forEach(refsNode::put);
    ObjectNode tagsNode = meta.putObject("tags");
    tags.forEach(tagsNode::put);
    write(dir.resolve("repo.json"), meta);
  }

  private static void write(Path file, com.fasterxml.jackson.databind.JsonNode node) {
    try {
      Files.createDirectories(file.getParent());
      Path temp = file.resolveSibling(file.getFileName() + ".tmp");
      JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), node);
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }
}
