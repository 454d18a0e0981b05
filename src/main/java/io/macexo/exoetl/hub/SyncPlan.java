package io.macexo.exoetl.hub;

import java.util.List;

/**
 * What a sync will do: commits in order (data folders first, the dataset card last) and the files
 * it leaves alone because the remote already has the same bytes. Immutable; printing it is the dry
 * run.
 */
public record SyncPlan(List<CommitBatch> batches, List<LocalFile> unchanged) {
  public SyncPlan {
    batches = List.copyOf(batches);
    unchanged = List.copyOf(unchanged);
  }

  /** Files to add or replace. */
  public int filesToSend() {
    return batches.stream().mapToInt(batch -> batch.adds().size()).sum();
  }

  /**
   * Bytes of the files to add or replace (an upper bound on the upload: stored objects are
   * skipped).
   */
  public long bytesToSend() {
    return batches.stream()
        .flatMap(batch -> batch.adds().stream())
        .mapToLong(LocalFile::size)
        .sum();
  }

  /** Remote files to delete. */
  public int filesToDelete() {
    return batches.stream().mapToInt(batch -> batch.deletes().size()).sum();
  }

  public boolean isEmpty() {
    return batches.isEmpty();
  }

  /**
   * One commit: the files of one group (a participant folder, or the dataset card), at most {@link
   * CommitPayload#MAX_OPERATIONS} operations.
   *
   * @param group e.g. {@code subject=BT01}
   * @param part e.g. {@code " [2/3]"} when a group spans several commits, else empty
   */
  public record CommitBatch(String group, String part, List<LocalFile> adds, List<String> deletes) {
    public CommitBatch {
      adds = List.copyOf(adds);
      deletes = List.copyOf(deletes);
    }

    public int size() {
      return adds.size() + deletes.size();
    }

    public boolean isEmpty() {
      return size() == 0;
    }

    /** The commit title, e.g. "Add subject=BT01 (3 files)". */
    public String summary() {
      if (group.equals(LocalOutput.CARD)) {
        return "Update dataset card ("
            + String.join(", ", adds.stream().map(LocalFile::path).toList())
            + ")";
      }
      String verb = deletes.isEmpty() ? "Add " : adds.isEmpty() ? "Delete " : "Update ";
      String counts =
          adds.isEmpty() || deletes.isEmpty()
              ? files(size())
              : files(adds.size()) + ", " + deletes.size() + " deleted";
      return verb + group + part + " (" + counts + ")";
    }

    private static String files(int count) {
      return count + (count == 1 ? " file" : " files");
    }
  }
}
