package io.macexo.exoetl.write;

import io.macexo.exoetl.model.OutputLayout;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Replaces participant folders under {@code data/} with the ones a run staged, on the driver, with
 * renames: a participant's files are replaced as a whole, never mixed with an older run's. The old
 * folder goes to {@code _trash/} first and is deleted last, so a failure part-way leaves either the
 * old or the new folder in place, never a half-written one.
 *
 * <p>Once every rename is done, a {@value #SWAPPED_MARKER} file in the run's trash folder says so
 * before anything in it is deleted: a run that dies while deleting its trash must not have the
 * half-deleted old folders restored by {@link #recoverInterrupted}.
 *
 * <p>On S3 a folder rename is a copy and a delete of every file, not atomic: a run that dies in the
 * middle of one can leave that participant's folder incomplete, with {@code _SUCCESS} absent, until
 * the next run of that participant replaces it.
 */
public final class ParticipantSwap {
  /** Written into a run's trash folder when all of its renames are done. */
  static final String SWAPPED_MARKER = "_SWAPPED";

  private final FileSystem fs;
  private final OutputLayout layout;

  public ParticipantSwap(FileSystem fs, OutputLayout layout) {
    this.fs = fs;
    this.layout = layout;
  }

  /**
   * Cleans up after a run that died: a participant folder moved to trash whose replacement never
   * arrived is moved back (so the previous output stays whole), unless that run had finished its
   * renames; then leftover staging and trash go.
   *
   * @return the participants restored from trash
   */
  public List<String> recoverInterrupted() throws IOException {
    List<String> restored = new ArrayList<>();
    if (fs.exists(layout.trashRoot())) {
      for (FileStatus run : fs.listStatus(layout.trashRoot())) {
        if (!run.isDirectory() || fs.exists(new Path(run.getPath(), SWAPPED_MARKER))) {
          continue;
        }
        for (FileStatus folder : fs.listStatus(run.getPath())) {
          Path target = new Path(layout.data(), folder.getPath().getName());
          if (folder.isDirectory() && !fs.exists(target)) {
            fs.mkdirs(layout.data());
            rename(folder.getPath(), target);
            OutputLayout.participantOf(folder.getPath().getName()).ifPresent(restored::add);
          }
        }
      }
      fs.delete(layout.trashRoot(), true);
    }
    fs.delete(layout.stagingRoot(), true);
    return restored;
  }

  /** The participants that have a folder under {@code data/}. */
  public Set<String> existingParticipants() throws IOException {
    Set<String> participants = new TreeSet<>();
    if (!fs.exists(layout.data())) {
      return participants;
    }
    for (FileStatus entry : fs.listStatus(layout.data())) {
      String name = entry.getPath().getName();
      if (entry.isDirectory()) {
        OutputLayout.participantOf(name).ifPresent(participants::add);
      }
    }
    return participants;
  }

  /**
   * Moves the staged participants into place and removes the listed stale ones.
   *
   * @return the participants now holding this run's files
   */
  public List<String> swap(String runId, Collection<String> stale) throws IOException {
    Path staging = layout.staging(runId);
    Path trash = layout.trash(runId);
    fs.mkdirs(layout.data());
    fs.mkdirs(trash);
    List<String> moved = new ArrayList<>();
    if (fs.exists(staging)) {
      for (FileStatus entry : fs.listStatus(staging)) {
        java.util.Optional<String> participant =
            OutputLayout.participantOf(entry.getPath().getName());
        if (entry.isDirectory() && participant.isPresent()) {
          replace(participant.get(), entry.getPath(), trash);
          moved.add(participant.get());
        }
      }
    }
    for (String participant : stale) {
      if (!moved.contains(participant) && fs.exists(layout.participant(participant))) {
        rename(
            layout.participant(participant), new Path(trash, OutputLayout.folderName(participant)));
      }
    }
    emptyTrash(trash, runId);
    fs.delete(staging, true);
    deleteIfEmpty(staging.getParent());
    deleteIfEmpty(trash.getParent());
    return moved;
  }

  /** Marks the run's renames as done, deletes the old folders, then the marker with the folder. */
  private void emptyTrash(Path trash, String runId) throws IOException {
    OutputFiles.writeString(fs, new Path(trash, SWAPPED_MARKER), runId + "\n");
    for (FileStatus entry : fs.listStatus(trash)) {
      if (entry.isDirectory()) {
        fs.delete(entry.getPath(), true);
      }
    }
    fs.delete(trash, true);
  }

  private void replace(String participant, Path staged, Path trash) throws IOException {
    Path target = layout.participant(participant);
    if (fs.exists(target)) {
      rename(target, new Path(trash, target.getName()));
    }
    OutputFiles.stripSideFiles(fs, staged);
    rename(staged, target);
  }

  private void rename(Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException(
          "Cannot move " + from + " to " + to + ": the file system refused the rename");
    }
  }

  private void deleteIfEmpty(Path folder) throws IOException {
    if (fs.exists(folder) && fs.listStatus(folder).length == 0) {
      fs.delete(folder, false);
    }
  }
}
