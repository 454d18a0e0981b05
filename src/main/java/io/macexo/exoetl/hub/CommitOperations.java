package io.macexo.exoetl.hub;

import io.macexo.exoetl.hub.SyncPlan.CommitBatch;
import io.macexo.exoetl.model.OutputLayout;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a commit batch into the operations of its NDJSON payload and the manifest entries it
 * records: Parquet and files preupload called "lfs" go by LFS (naming the stored object), other
 * files inline (base64), then the deletions, then the sync manifest of the state the commit leaves.
 * Pure apart from reading the bytes of the inline files.
 */
final class CommitOperations {
  private CommitOperations() {}

  /** Parquet always goes by LFS; other files as preupload said (LFS when it said nothing). */
  static boolean isLfs(LocalFile file, Map<String, UploadMode> modes) {
    return file.path().endsWith(OutputLayout.PARQUET)
        || modes.getOrDefault(file.path(), UploadMode.LFS) == UploadMode.LFS;
  }

  /** The operations of a batch, the manifest last. */
  static List<CommitOperation> of(
      CommitBatch batch, LocalFile manifest, Map<String, UploadMode> modes) {
    List<CommitOperation> operations = new ArrayList<>();
    for (LocalFile file : batch.adds()) {
      operations.add(add(file, modes));
    }
    batch.deletes().forEach(path -> operations.add(new CommitOperation.Delete(path)));
    operations.add(add(manifest, modes));
    return operations;
  }

  /** What the manifest records for the batch's added files. */
  static Map<String, SyncManifest.Entry> entries(CommitBatch batch, Map<String, UploadMode> modes) {
    Map<String, SyncManifest.Entry> entries = new TreeMap<>();
    batch
        .adds()
        .forEach(file -> entries.put(file.path(), SyncManifest.Entry.of(file, isLfs(file, modes))));
    return entries;
  }

  private static CommitOperation add(LocalFile file, Map<String, UploadMode> modes) {
    if (isLfs(file, modes)) {
      return new CommitOperation.AddLfs(file.path(), file.sha256(), file.size());
    }
    return new CommitOperation.AddRegular(file.path(), bytes(file));
  }

  /** All the bytes of a small file, a failure naming it. */
  static byte[] bytes(LocalFile file) {
    try {
      return file.readAll();
    } catch (IOException e) {
      throw HubException.local("read " + file.path(), e);
    }
  }
}
