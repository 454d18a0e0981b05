package io.macexo.exoetl.hub;

import io.macexo.exoetl.hub.SyncPlan.Change;
import io.macexo.exoetl.hub.SyncPlan.CommitBatch;
import io.macexo.exoetl.model.OutputLayout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Diffs the local output against the remote snapshot. Pure: it compares digests and paths, does no
 * I/O, and is tested without a network. A local file is unchanged when the remote has the same
 * SHA-256 (LFS) or Git blob id (regular). A remote file is deleted only when the sync owns it (the
 * {@link SyncManifest} of {@link Ownership}) and the output no longer has it. Work is grouped by
 * participant: the group of {@code data/participant=BT01/x} (the old layout) and of {@code
 * data/subject=BT01/x} is {@code BT01}, so a layout move adds the new files and deletes the old
 * ones in one change (one commit), and the Hub never serves both copies under the card's {@code
 * data/**} glob.
 */
public final class SyncPlanner {
  static final String DATA_PREFIX = OutputLayout.DATA + "/";

  private SyncPlanner() {}

  /**
   * Plans a sync.
   *
   * @param data the local data files
   * @param descriptions the dataset card and the description files (metadata, stats, splits, the
   *     trials table)
   * @param owned the remote files this sync may replace or delete
   */
  public static SyncPlan plan(
      List<LocalFile> data, List<LocalFile> descriptions, RemoteState remote, SyncManifest owned) {
    Map<String, LocalFile> local = new HashMap<>();
    Map<String, List<LocalFile>> adds = new TreeMap<>();
    List<LocalFile> unchanged = new ArrayList<>();
    for (LocalFile file : data) {
      local.put(file.path(), file);
      sortInto(file, group(file.path()), remote, adds, unchanged);
    }
    for (LocalFile file : descriptions) {
      local.put(file.path(), file);
      sortInto(file, SyncPlan.CARD_GROUP, remote, adds, unchanged);
    }
    Map<String, List<String>> deletes = deletes(owned, remote, local);
    List<Change> changes = changes(adds, deletes);
    // A participant the output still has is re-written, however many files it now has (a re-run
    // of prepare slices it anew); only the files of participants gone from the output are removed.
    Set<String> localGroups = new TreeSet<>();
    data.forEach(file -> localGroups.add(group(file.path())));
    int removed = 0;
    for (Change change : changes) {
      if (!change.isCard() && !localGroups.contains(change.group())) {
        removed += change.deletes().size();
      }
    }
    int remoteData = (int) remote.files().keySet().stream().filter(SyncPlanner::isData).count();
    return new SyncPlan(changes, unchanged, remoteData, removed);
  }

  /** Owned remote files the output no longer has, by group (non-data files with the card). */
  private static Map<String, List<String>> deletes(
      SyncManifest owned, RemoteState remote, Map<String, LocalFile> local) {
    Map<String, List<String>> deletes = new TreeMap<>();
    for (String path : owned.files().keySet()) {
      if (remote.files().containsKey(path) && !local.containsKey(path) && !isKept(path)) {
        String group = isData(path) ? group(path) : SyncPlan.CARD_GROUP;
        deletes.computeIfAbsent(group, key -> new ArrayList<>()).add(path);
      }
    }
    return deletes;
  }

  /** One change per participant in order, then the card's. */
  private static List<Change> changes(
      Map<String, List<LocalFile>> adds, Map<String, List<String>> deletes) {
    Set<String> sorted = new TreeSet<>(adds.keySet());
    sorted.addAll(deletes.keySet());
    sorted.remove(SyncPlan.CARD_GROUP);
    List<String> groups = new ArrayList<>(sorted);
    groups.add(SyncPlan.CARD_GROUP);
    List<Change> changes = new ArrayList<>();
    for (String group : groups) {
      Change change =
          new Change(
              group, adds.getOrDefault(group, List.of()), deletes.getOrDefault(group, List.of()));
      if (!change.isEmpty()) {
        changes.add(change);
      }
    }
    return changes;
  }

  /**
   * What of a batch is still to do after re-reading the remote (after a 412 or a lost commit
   * answer): adds the remote does not hold with the same bytes, deletes of paths that still exist.
   */
  public static CommitBatch remaining(CommitBatch batch, RemoteState remote) {
    List<Change> changes = new ArrayList<>();
    for (Change change : batch.changes()) {
      Change rest =
          new Change(
              change.group(),
              change.adds().stream().filter(file -> !sameAsRemote(file, remote)).toList(),
              change.deletes().stream().filter(remote.files()::containsKey).toList(),
              change.part());
      if (!rest.isEmpty()) {
        changes.add(rest);
      }
    }
    return new CommitBatch(changes);
  }

  /** True when the remote holds the file with the same bytes. */
  static boolean sameAsRemote(LocalFile file, RemoteState remote) {
    RemoteFile there = remote.files().get(file.path());
    return there != null && there.sameContentAs(file);
  }

  /** True for a path the card's {@code data/**} glob reads. */
  static boolean isData(String path) {
    return path.startsWith(DATA_PREFIX);
  }

  /** Files a sync never deletes: the Hub's {@code .gitattributes} and the manifest itself. */
  static boolean isKept(String path) {
    return path.equals(".gitattributes") || path.equals(SyncManifest.PATH);
  }

  /**
   * The group of a path: the participant of a folder right under {@code data/} (the value of a
   * Hive-style {@code key=value} folder, so {@code participant=BT01} and {@code BT01} are one
   * group), {@code data} for files right under it, else the path itself.
   */
  static String group(String path) {
    if (!isData(path)) {
      return path;
    }
    String rest = path.substring(DATA_PREFIX.length());
    int slash = rest.indexOf('/');
    if (slash < 0) {
      return OutputLayout.DATA;
    }
    String folder = rest.substring(0, slash);
    if (folder.startsWith(OutputLayout.LEGACY_FOLDER_PREFIX)
        && folder.length() > OutputLayout.LEGACY_FOLDER_PREFIX.length()) {
      return folder.substring(OutputLayout.LEGACY_FOLDER_PREFIX.length());
    }
    return OutputLayout.participantOf(folder).orElse(folder);
  }

  private static void sortInto(
      LocalFile file,
      String group,
      RemoteState remote,
      Map<String, List<LocalFile>> adds,
      List<LocalFile> unchanged) {
    if (sameAsRemote(file, remote)) {
      unchanged.add(file);
    } else {
      adds.computeIfAbsent(group, key -> new ArrayList<>()).add(file);
    }
  }
}
