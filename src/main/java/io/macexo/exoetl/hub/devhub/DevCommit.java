package io.macexo.exoetl.hub.devhub;

import io.macexo.exoetl.hub.GitOids;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A commit as the dev-hub keeps it: a full snapshot (every path and its entry) plus its parent, so
 * any revision can be listed or read without replaying history. Persisted as JSON, one file per
 * commit.
 *
 * @param parent null for the first commit
 * @param date ISO-8601 instant
 */
record DevCommit(
    String id,
    String parent,
    String title,
    String message,
    String author,
    String date,
    Map<String, Entry> files) {

  DevCommit {
    files = Collections.unmodifiableMap(new TreeMap<>(files));
  }

  /**
   * One file of a snapshot.
   *
   * @param sha256 where the bytes are in the blob store
   * @param lfs true when the file is tracked by LFS (the tree shows an {@code lfs} object)
   * @param gitOid the Git blob id of the content (regular) or of the LFS pointer (LFS)
   */
  record Entry(long size, String sha256, boolean lfs, String gitOid) {
    static Entry regular(byte[] content, String sha256) {
      return new Entry(content.length, sha256, false, GitOids.blobId(content));
    }

    static Entry lfs(String sha256, long size) {
      byte[] pointer = GitOids.lfsPointer(sha256, size).getBytes(StandardCharsets.US_ASCII);
      return new Entry(size, sha256, true, GitOids.blobId(pointer));
    }

    int pointerSize() {
      return GitOids.lfsPointer(sha256, size).length();
    }
  }

  /** A commit id: SHA-1 over parent, title, date and the snapshot, so it is unique and stable. */
  static String idOf(String parent, String title, String date, Map<String, Entry> files) {
    StringBuilder text =
        new StringBuilder().append(parent).append('\n').append(title).append('\n').append(date);
    new TreeMap<>(files)
        .forEach(
            (path, entry) -> text.append('\n').append(path).append(' ').append(entry.gitOid()));
    return GitOids.hex(
        GitOids.digest("SHA-1").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
  }
}
