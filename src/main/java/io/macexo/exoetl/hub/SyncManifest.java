package io.macexo.exoetl.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * What exo-etl sync wrote to a repo: {@value #PATH}, one entry per file with its content id (the
 * SHA-256 for LFS files, the Git blob id for regular ones, as the tree lists them) and size. Every
 * sync commit carries the manifest of the state it leaves, so it is right after any crash; a sync
 * deletes or replaces only files listed here with the same content. The path is hidden (a leading
 * dot), which the {@code datasets} loader skips and the card's {@code data/**} globs never match.
 * Immutable and pure: parsing and rendering do no I/O, and the rendering is deterministic (sorted,
 * no dates) so an unchanged state gives the same bytes.
 *
 * @param files path to entry, sorted
 */
public record SyncManifest(Map<String, Entry> files) {
  public static final String PATH = ".exo-etl/sync.json";
  static final String FORMAT = "exo-etl sync manifest 1";
  private static final ObjectMapper JSON = new ObjectMapper();

  public SyncManifest {
    files = java.util.Collections.unmodifiableMap(new TreeMap<>(files));
  }

  /**
   * One file sync wrote.
   *
   * @param oid the SHA-256 of the content when {@code lfs}, else its Git blob id
   */
  public record Entry(String oid, boolean lfs, long size) {
    static Entry of(RemoteFile remote) {
      return remote.lfsSha256() != null
          ? new Entry(remote.lfsSha256(), true, remote.size())
          : new Entry(remote.gitOid(), false, remote.size());
    }

    static Entry of(LocalFile local, boolean lfs) {
      return new Entry(lfs ? local.sha256() : local.gitBlobId(), lfs, local.size());
    }

    /** True when the remote file has exactly this content. */
    boolean matches(RemoteFile remote) {
      return remote.size() == size
          && oid != null
          && oid.equals(lfs ? remote.lfsSha256() : remote.gitOid());
    }
  }

  public static SyncManifest empty() {
    return new SyncManifest(Map.of());
  }

  /** True when the manifest lists the remote file with its present content. */
  public boolean records(RemoteFile remote) {
    Entry entry = files.get(remote.path());
    return entry != null && entry.matches(remote);
  }

  /** The manifest after a commit that adds (or replaces) and deletes files. */
  public SyncManifest after(Map<String, Entry> added, Iterable<String> deleted) {
    Map<String, Entry> next = new TreeMap<>(files);
    deleted.forEach(next::remove);
    next.putAll(added);
    return new SyncManifest(next);
  }

  /** The manifest as the file committed to the repo. */
  public LocalFile toFile() {
    return LocalFile.inMemory(PATH, render());
  }

  /** The JSON text: a format line, a note for people, then the files, sorted. */
  public byte[] render() {
    ObjectNode root = JSON.createObjectNode().put("format", FORMAT);
    root.put(
        "about",
        "The files exo-etl sync uploaded to this repo. A sync deletes or replaces only files"
            + " listed here with the same content (docs/hub.md).");
    ObjectNode list = root.putObject("files");
    files.forEach(
        (path, entry) ->
            list.putObject(path)
                .put(entry.lfs() ? "sha256" : "git_oid", entry.oid())
                .put("size", entry.size()));
    try {
      return (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n")
          .getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot render the sync manifest", e);
    }
  }

  /**
   * Reads a manifest from the repo.
   *
   * @throws HubException naming the file when it is not a manifest this version understands
   */
  public static SyncManifest parse(byte[] bytes) {
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (IOException e) {
      throw unreadable("it is not JSON");
    }
    if (root == null || !FORMAT.equals(root.path("format").asText())) {
      throw unreadable("its format is not '" + FORMAT + "'");
    }
    Map<String, Entry> files = new TreeMap<>();
    for (Map.Entry<String, JsonNode> file : root.path("files").properties()) {
      JsonNode value = file.getValue();
      boolean lfs = value.hasNonNull("sha256");
      String oid = lfs ? value.get("sha256").asText() : value.path("git_oid").asText(null);
      if (oid == null || !value.path("size").canConvertToLong()) {
        throw unreadable("the entry of " + file.getKey() + " has no sha256 or git_oid and size");
      }
      files.put(file.getKey(), new Entry(oid, lfs, value.get("size").asLong()));
    }
    return new SyncManifest(files);
  }

  private static HubException unreadable(String reason) {
    return HubException.local(
        "read the sync manifest " + PATH,
        reason + "; pass --force to take the repo over and write a new one");
  }
}
