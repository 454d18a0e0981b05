package io.macexo.exoetl.discover;

import io.macexo.exoetl.config.ConfigException;
import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.model.ExoEtlException;
import io.macexo.exoetl.model.FeatureGroup;
import io.macexo.exoetl.model.InputEntry;
import io.macexo.exoetl.model.Locations;
import io.macexo.exoetl.model.Reject;
import io.macexo.exoetl.model.Rejections;
import io.macexo.exoetl.model.TrialFiles;
import io.macexo.exoetl.model.TrialId;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Lists the input tree on the driver: participant folders, their trial folders and the three files
 * of each trial, matched by their whole expected names. Only names and sizes are held (about 100
 * bytes a file), so 25,000 files need a few MB of driver heap.
 *
 * <p>On object stores: one listing for the root, one per participant, and one recursive file
 * listing per participant (a flat, paginated LIST on S3), so requests grow with participants, not
 * files. On a local disk: one plain listing per folder (see {@code filesByTrial}). Entries whose
 * names contain a dot or start with {@code _} (LICENSE, .DS_Store, _SUCCESS) are not participants
 * or trials and are ignored.
 */
public final class TrialDiscovery {
  private final FileSystem fs;
  private final EtlConfig config;

  public TrialDiscovery(FileSystem fs, EtlConfig config) {
    this.fs = fs;
    this.config = config;
  }

  /**
   * Discovers the trials under {@code root}.
   *
   * @param onlyParticipants when non-empty, only these participants (each must exist)
   */
  public DiscoveredInput discover(Path root, List<String> onlyParticipants) throws IOException {
    Map<String, Path> participants = participantFolders(root);
    for (String wanted : onlyParticipants) {
      if (!participants.containsKey(wanted)) {
        throw new ConfigException(
            "--participants", "no participant folder '" + wanted + "' under " + root);
      }
    }
    List<TrialFiles> readable = new ArrayList<>();
    List<Reject> rejects = new ArrayList<>();
    long bytes = 0;
    List<String> seen = new ArrayList<>();
    Map<String, List<InputEntry>> inputs = new TreeMap<>();
    for (Map.Entry<String, Path> participant : participants.entrySet()) {
      if (!onlyParticipants.isEmpty() && !onlyParticipants.contains(participant.getKey())) {
        continue;
      }
      seen.add(participant.getKey());
      List<InputEntry> entries = new ArrayList<>();
      bytes +=
          discoverParticipant(
              participant.getKey(), participant.getValue(), readable, rejects, entries);
      inputs.put(participant.getKey(), List.copyOf(entries));
    }
    return new DiscoveredInput(readable, rejects, seen, inputs, bytes);
  }

  private Map<String, Path> participantFolders(Path root) throws IOException {
    FileStatus[] entries;
    try {
      entries = fs.listStatus(root);
    } catch (FileNotFoundException e) {
      throw new ConfigException("--input", "no such folder: " + root);
    }
    Map<String, Path> folders = new TreeMap<>();
    for (FileStatus entry : entries) {
      if (entry.isDirectory() && isDataName(entry.getPath().getName())) {
        folders.put(entry.getPath().getName(), entry.getPath());
      }
    }
    if (folders.isEmpty()) {
      // An unmounted volume or a mistyped prefix looks like this; going on would plan every
      // participant of the output as gone. Exit 1, not "nothing to do": schedulers count 3 as fine.
      throw new ExoEtlException(
          "Cannot prepare: no participant folder under "
              + root
              + " ("
              + (entries.length == 0 ? "the folder is empty" : entries.length + " other entries")
              + "); is the volume mounted and the path right?");
    }
    return folders;
  }

  private long discoverParticipant(
      String participant,
      Path folder,
      List<TrialFiles> readable,
      List<Reject> rejects,
      List<InputEntry> entries)
      throws IOException {
    Map<String, IOException> unlistable = new HashMap<>();
    Map<String, Map<String, FileStatus>> filesByTrial = filesByTrial(folder, unlistable);
    boolean known = config.massOf(participant).isPresent();
    long bytes = 0;
    for (FileStatus trialFolder : fs.listStatus(folder)) {
      String trial = trialFolder.getPath().getName();
      if (!trialFolder.isDirectory() || !isDataName(trial)) {
        continue;
      }
      TrialId id = new TrialId(participant, trial);
      Map<String, FileStatus> files = filesByTrial.getOrDefault(trial, Map.of());
      entries.add(InputEntry.folder(participant + "/" + trial));
      for (FeatureGroup group : config.selection().groups()) {
        FileStatus status = files.get(group.fileName(participant, trial));
        String path = participant + "/" + trial + "/" + group.fileName(participant, trial);
        if (status != null && (status.isDirectory() || !regular(status))) {
          // Recorded as no file: --verify-content must not open a folder or block on a pipe.
          entries.add(InputEntry.folder(path));
        } else if (status != null) {
          entries.add(new InputEntry(path, status.getLen(), status.getModificationTime()));
        }
      }
      if (!known) {
        rejects.add(Rejections.unknownParticipant(id));
        continue;
      }
      if (unlistable.containsKey(trial)) {
        rejects.add(Rejections.unreadable(id, "the folder " + trial, unlistable.get(trial)));
        continue;
      }
      TrialCheck check = checkFiles(id, files);
      if (check.reject() != null) {
        rejects.add(check.reject());
      } else {
        readable.add(check.trial());
        bytes += check.trial().bytes();
      }
    }
    return bytes;
  }

  private record TrialCheck(TrialFiles trial, Reject reject) {}

  /**
   * The trial's files, or its first problem in the reason codes' order (a missing file before an
   * unreadable one before an empty one, whichever group each is in), as the engine orders the
   * problems it finds in the files' contents.
   */
  private TrialCheck checkFiles(TrialId id, Map<String, FileStatus> files) {
    List<String> paths = new ArrayList<>();
    long bytes = 0;
    Reject first = null;
    for (FeatureGroup group : config.selection().groups()) {
      String name = group.fileName(id.participant(), id.trial());
      FileStatus status = files.get(name);
      Reject problem = problem(id, name, status);
      if (problem != null) {
        first =
            first == null || problem.code().precedence() < first.code().precedence()
                ? problem
                : first;
        continue;
      }
      paths.add(Locations.text(status.getPath()));
      bytes += status.getLen();
    }
    return first != null
        ? new TrialCheck(null, first)
        : new TrialCheck(new TrialFiles(id, paths, bytes), null);
  }

  private Reject problem(TrialId id, String name, FileStatus status) {
    if (status == null) {
      return Rejections.missingFile(id, name);
    }
    if (status.isDirectory()) {
      return Rejections.unreadable(id, name, "it is a folder, not a file");
    }
    if (!regular(status)) {
      // A FIFO would block its task forever; a device or socket is no CSV either.
      return Rejections.unreadable(id, name, "it is not a regular file (a pipe, device or socket)");
    }
    if (status.getLen() == 0) {
      return Rejections.zeroBytes(id, name);
    }
    return null;
  }

  /** Hadoop takes every local entry that is not a folder for a file; ask the local disk. */
  private boolean regular(FileStatus status) {
    return !local()
        || java.nio.file.Files.isRegularFile(
            java.nio.file.Path.of(status.getPath().toUri().getPath()));
  }

  /** A local disk, under whatever scheme. */
  private boolean local() {
    return fs instanceof LocalFileSystem || fs instanceof RawLocalFileSystem;
  }

  /** One recursive listing of a participant folder, grouped by trial folder name. */
  private Map<String, Map<String, FileStatus>> filesByTrial(
      Path participantFolder, Map<String, IOException> unlistable) throws IOException {
    Map<String, Map<String, FileStatus>> byTrial = new HashMap<>();
    if (local()) {
      // On a local disk, listFiles builds LocatedFileStatus objects whose permissions Hadoop reads
      // by
      // forking a process per file (measured: 134 s for 25,000 files); plain listings stay lazy.
      for (FileStatus trial : fs.listStatus(participantFolder)) {
        if (trial.isDirectory()) {
          Map<String, FileStatus> files =
              byTrial.computeIfAbsent(trial.getPath().getName(), k -> new HashMap<>());
          try {
            for (FileStatus file : fs.listStatus(trial.getPath())) {
              files.put(file.getPath().getName(), file);
            }
          } catch (IOException e) {
            // One trial folder that cannot be listed (no permission, a disk error) is that trial's
            // reject, not the end of the run.
            unlistable.put(trial.getPath().getName(), e);
          }
        }
      }
      return byTrial;
    }
    // Object stores: one flat, paginated listing per participant instead of one per trial.
    RemoteIterator<LocatedFileStatus> files = fs.listFiles(participantFolder, true);
    while (files.hasNext()) {
      LocatedFileStatus file = files.next();
      Path parent = file.getPath().getParent();
      // Only files directly inside a trial folder count.
      if (isChildOf(parent, participantFolder)) {
        byTrial
            .computeIfAbsent(parent.getName(), k -> new HashMap<>())
            .put(file.getPath().getName(), file);
      } else if (parent.getParent() != null && isChildOf(parent.getParent(), participantFolder)) {
        // A key one level deeper (trial/X_exo.csv/part-00000.csv, as Spark's CSV writer leaves
        // it): the store has a folder where a file is expected, as a local disk would show it.
        byTrial
            .computeIfAbsent(parent.getParent().getName(), k -> new HashMap<>())
            .putIfAbsent(parent.getName(), new FileStatus(0, true, 0, 0, 0, parent));
      }
    }
    return byTrial;
  }

  private static boolean isChildOf(Path folder, Path participantFolder) {
    return folder.getParent() != null
        && folder.getParent().getName().equals(participantFolder.getName());
  }

  /** Participant and trial folders never contain a dot and never start with an underscore. */
  static boolean isDataName(String name) {
    return !name.isEmpty() && name.indexOf('.') < 0 && !name.startsWith("_");
  }
}
