package io.macexo.exoetl.hub;

import io.macexo.exoetl.hub.SyncPlan.CommitBatch;
import io.macexo.exoetl.model.OutputLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Diffs the local output against the remote snapshot. Pure: it compares digests and paths, does no
 * I/O, and is tested without a network. A local file is unchanged when the remote has the same
 * SHA-256 (LFS) or Git blob id (regular); a remote file under {@code data/} with no local
 * counterpart is deleted. Work is grouped by the folder under {@code data/} (one participant per
 * commit, its old-layout {@code participant=} folder included) and cut into commits of at most
 * {@code maxOperations}.
 */
public final class SyncPlanner {
  private static final String DATA_PREFIX = LocalOutput.DATA_FOLDER + "/";

  private SyncPlanner() {}

  /**
   * Plans a sync.
   *
   * @param data the local data files
   * @param descriptions the dataset card and the description files (metadata, stats, splits)
   */
  public static SyncPlan plan(
      List<LocalFile> data, List<LocalFile> descriptions, RemoteState remote, int maxOperations) {
    Map<String, List<LocalFile>> adds = new TreeMap<>();
    List<LocalFile> unchanged = new ArrayList<>();
    for (LocalFile file : data) {
      if (sameAsRemote(file, remote)) {
        unchanged.add(file);
      } else {
        adds.computeIfAbsent(group(file.path()), key -> new ArrayList<>()).add(file);
      }
    }
    Map<String, List<String>> deletes = deletes(data, remote);
    Set<String> groups = new TreeSet<>(adds.keySet());
    groups.addAll(deletes.keySet());
    List<CommitBatch> batches = new ArrayList<>();
    for (String group : groups) {
      batches.addAll(
          cut(
              group,
              adds.getOrDefault(group, List.of()),
              deletes.getOrDefault(group, List.of()),
              maxOperations));
    }
    List<LocalFile> changed = new ArrayList<>();
    for (LocalFile description : descriptions) {
      (sameAsRemote(description, remote) ? unchanged : changed).add(description);
    }
    if (!changed.isEmpty()) {
      batches.add(new CommitBatch(LocalOutput.CARD, "", changed, List.of()));
    }
    return new SyncPlan(batches, unchanged);
  }

  /**
   * What of a batch is still to do after re-reading the remote (after a 412 or a lost commit
   * answer): adds the remote does not hold with the same bytes, deletes of paths that still exist.
   */
  public static CommitBatch remaining(CommitBatch batch, RemoteState remote) {
    List<LocalFile> adds =
        batch.adds().stream().filter(file -> !sameAsRemote(file, remote)).toList();
    List<String> deletes = batch.deletes().stream().filter(remote.files()::containsKey).toList();
    return new CommitBatch(batch.group(), batch.part(), adds, deletes);
  }

  private static boolean sameAsRemote(LocalFile file, RemoteState remote) {
    RemoteFile there = remote.files().get(file.path());
    return there != null && there.sameContentAs(file);
  }

  /** Remote files under {@code data/} that the output no longer has, by group. */
  private static Map<String, List<String>> deletes(List<LocalFile> data, RemoteState remote) {
    Set<String> localPaths = data.stream().map(LocalFile::path).collect(Collectors.toSet());
    Map<String, List<String>> deletes = new TreeMap<>();
    for (String path : remote.files().keySet()) {
      if (path.startsWith(DATA_PREFIX) && !localPaths.contains(path)) {
        deletes.computeIfAbsent(group(path), key -> new ArrayList<>()).add(path);
      }
    }
    return deletes;
  }

  /**
   * The commit group of a path: the folder right under {@code data/}, else {@code data}, else the
   * path.
   */
  static String group(String path) {
    if (!path.startsWith(DATA_PREFIX)) {
      return path;
    }
    String rest = path.substring(DATA_PREFIX.length());
    int slash = rest.indexOf('/');
    if (slash < 0) {
      return LocalOutput.DATA_FOLDER;
    }
    String folder = rest.substring(0, slash);
    // A participant's folder of the old layout goes in the commit of its new folder, so that no
    // commit of the Hub holds a participant twice or not at all.
    return folder.startsWith(OutputLayout.LEGACY_FOLDER_PREFIX)
        ? OutputLayout.folderName(folder.substring(OutputLayout.LEGACY_FOLDER_PREFIX.length()))
        : folder;
  }

  private static List<CommitBatch> cut(
      String group, List<LocalFile> adds, List<String> deletes, int maxOperations) {
    int total = adds.size() + deletes.size();
    int parts = (total + maxOperations - 1) / maxOperations;
    List<CommitBatch> batches = new ArrayList<>();
    for (int part = 0; part < parts; part++) {
      int from = part * maxOperations;
      int to = Math.min(total, from + maxOperations);
      List<LocalFile> someAdds =
          adds.subList(Math.min(from, adds.size()), Math.min(to, adds.size()));
      List<String> someDeletes =
          deletes.subList(Math.max(0, from - adds.size()), Math.max(0, to - adds.size()));
      String label = parts == 1 ? "" : " [" + (part + 1) + "/" + parts + "]";
      batches.add(new CommitBatch(group, label, someAdds, someDeletes));
    }
    return batches;
  }
}
