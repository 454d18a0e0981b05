package io.macexo.exoetl.hub;

import io.macexo.exoetl.model.OutputLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * What a sync will do: one change per participant (its new and replaced files and the deletion of
 * its old ones, e.g. a layout move from {@code data/participant=BT01/} to {@code
 * data/subject=BT01/}), in participant order, then the dataset card with the description files; and
 * the files it leaves alone because the remote already has the same bytes. {@link CommitLoop} packs
 * the changes into commits. Immutable; printing it is the dry run.
 *
 * @param remoteDataFiles files under {@code data/} on the remote before the sync
 * @param removedDataFiles remote data files deleted and not replaced: those of participants the
 *     output no longer has (a participant re-written with other files, or moved to the new layout,
 *     removes none)
 */
public record SyncPlan(
    List<Change> changes, List<LocalFile> unchanged, int remoteDataFiles, int removedDataFiles) {
  /** The group of the dataset card and the description files. */
  public static final String CARD_GROUP = OutputLayout.CARD;

  public SyncPlan {
    changes = List.copyOf(changes);
    unchanged = List.copyOf(unchanged);
  }

  /** Files to add or replace. */
  public int filesToSend() {
    return changes.stream().mapToInt(change -> change.adds().size()).sum();
  }

  /**
   * Bytes of the files to add or replace (an upper bound on the upload: stored objects are
   * skipped).
   */
  public long bytesToSend() {
    return changes.stream()
        .flatMap(change -> change.adds().stream())
        .mapToLong(LocalFile::size)
        .sum();
  }

  /** Remote files to delete. */
  public int filesToDelete() {
    return changes.stream().mapToInt(change -> change.deletes().size()).sum();
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }

  /**
   * The files of one group: a participant ({@code BT01}, whatever its folder is called), {@code
   * data} for files right under {@code data/}, or {@link #CARD_GROUP}.
   *
   * @param part 0 for a whole change, else the number of this piece of a change split across
   *     commits because it alone was bigger than a commit may be
   */
  public record Change(String group, List<LocalFile> adds, List<String> deletes, int part) {
    public Change {
      adds = List.copyOf(adds);
      deletes = List.copyOf(deletes);
    }

    public Change(String group, List<LocalFile> adds, List<String> deletes) {
      this(group, adds, deletes, 0);
    }

    public int size() {
      return adds.size() + deletes.size();
    }

    public boolean isEmpty() {
      return size() == 0;
    }

    public boolean isCard() {
      return group.equals(CARD_GROUP);
    }

    /** The first {@code n} operations (adds first) and the rest, numbered as parts. */
    List<Change> split(int n) {
      int addCount = Math.min(n, adds.size());
      int deleteCount = Math.min(n - addCount, deletes.size());
      int first = Math.max(part, 1);
      return List.of(
          new Change(group, adds.subList(0, addCount), deletes.subList(0, deleteCount), first),
          new Change(
              group,
              adds.subList(addCount, adds.size()),
              deletes.subList(deleteCount, deletes.size()),
              first + 1));
    }
  }

  /** One commit: whole changes, or one piece of a change too big for a commit. */
  public record CommitBatch(List<Change> changes) {
    public CommitBatch {
      changes = List.copyOf(changes);
    }

    public List<LocalFile> adds() {
      List<LocalFile> adds = new ArrayList<>();
      changes.forEach(change -> adds.addAll(change.adds()));
      return adds;
    }

    public List<String> deletes() {
      List<String> deletes = new ArrayList<>();
      changes.forEach(change -> deletes.addAll(change.deletes()));
      return deletes;
    }

    public int size() {
      return changes.stream().mapToInt(Change::size).sum();
    }

    public boolean isEmpty() {
      return size() == 0;
    }

    /** The commit title, e.g. "Add BT01 (3 files)" or "Update BT02, BT03 (4 files, 4 deleted)". */
    public String summary() {
      return CommitTitles.summary(changes);
    }
  }
}
