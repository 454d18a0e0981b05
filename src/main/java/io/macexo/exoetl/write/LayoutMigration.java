package io.macexo.exoetl.write;

import io.macexo.exoetl.model.OutputLayout;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Moves an output written in the old layout ({@code data/participant=BT01/}) to the current one
 * ({@code data/subject=BT01/}, see {@link OutputLayout#FOLDER_KEY}), on the driver, with one rename
 * per participant folder: the files inside are the same either way, because {@code participant} has
 * always been a column in them. Never leaves the two layouts mixed: when both folders of a
 * participant exist (only a crash between the two steps of an older run could leave that), the new
 * one is the one the manifest describes, and the old one goes.
 */
public final class LayoutMigration {
  private LayoutMigration() {}

  /**
   * Renames every old-layout folder under {@code data/}.
   *
   * @return the participants whose folders were moved, sorted
   */
  public static List<String> migrate(FileSystem fs, OutputLayout layout) throws IOException {
    List<String> migrated = new ArrayList<>();
    if (!fs.exists(layout.data())) {
      return migrated;
    }
    for (FileStatus entry : fs.listStatus(layout.data())) {
      String name = entry.getPath().getName();
      if (!entry.isDirectory() || !name.startsWith(OutputLayout.LEGACY_FOLDER_PREFIX)) {
        continue;
      }
      String participant = name.substring(OutputLayout.LEGACY_FOLDER_PREFIX.length());
      Path target = layout.participant(participant);
      if (participant.isEmpty()) {
        continue;
      }
      if (fs.exists(target)) {
        fs.delete(entry.getPath(), true);
      } else if (!fs.rename(entry.getPath(), target)) {
        throw new IOException(
            "Cannot move "
                + entry.getPath()
                + " to "
                + target
                + ": the file system refused the rename");
      }
      migrated.add(participant);
    }
    migrated.sort(String::compareTo);
    return migrated;
  }

  /** A manifest path of the old layout, {@code data/participant=BT01/f}, in the current one. */
  public static String currentPath(String relative) {
    String legacy = OutputLayout.DATA + "/" + OutputLayout.LEGACY_FOLDER_PREFIX;
    int slash = relative.indexOf('/', legacy.length());
    if (!relative.startsWith(legacy) || slash < 0) {
      return relative;
    }
    String participant = relative.substring(legacy.length(), slash);
    return OutputLayout.dataFile(participant, relative.substring(slash + 1));
  }
}
