package io.macexo.exoetl.write;

import io.macexo.exoetl.config.ConfigException;
import io.macexo.exoetl.model.OutputLayout;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/**
 * Refuses an output folder that already holds someone else's files. A run rewrites {@code
 * README.md}, {@code report.html} and the other files of its layout at the root, so {@code
 * --output} pointed at a project folder would overwrite them without a word; Spark's writers refuse
 * an existing path for the same reason.
 *
 * <p>A folder is taken as exo-etl's when it is missing or empty, holds a manifest, holds only
 * hidden entries ({@code _lock}, {@code _staging}, {@code _trash} of a first run that died), or
 * holds a {@code data/} folder of participant folders only (a first run that died after its swap
 * and before its manifest). Anything else is refused before the lock is taken, so nothing is
 * written.
 */
public final class OutputClaim {
  /** How many entries the refusal names before it says "and N more". */
  /** A manifest.json exo-etl can read; any other file of that name (a web app's) is not one. */
  private static boolean holdsOurManifest(FileSystem fs, OutputLayout layout) {
    try {
      return ManifestStore.read(fs, layout.manifest()).isPresent();
    } catch (IOException | RuntimeException notOurs) {
      return false;
    }
  }

  private static final int NAMED = 8;

  private OutputClaim() {}

  /** Throws a {@link ConfigException} on {@code --output} when the folder is not exo-etl's. */
  public static void check(FileSystem fs, OutputLayout layout) throws IOException {
    FileStatus[] entries = list(fs, layout.root());
    if (entries.length == 0 || holdsOurManifest(fs, layout)) {
      return;
    }
    List<String> foreign = new ArrayList<>();
    for (FileStatus entry : entries) {
      String name = entry.getPath().getName();
      if (OutputLayout.isHidden(name)) {
        continue;
      }
      if (name.equals(OutputLayout.DATA) && entry.isDirectory() && onlyParticipants(fs, entry)) {
        continue;
      }
      foreign.add(entry.isDirectory() ? name + "/" : name);
    }
    if (foreign.isEmpty()) {
      return;
    }
    foreign.sort(null);
    String named = String.join(", ", foreign.subList(0, Math.min(NAMED, foreign.size())));
    String more = foreign.size() > NAMED ? " and " + (foreign.size() - NAMED) + " more" : "";
    throw new ConfigException(
        "--output",
        layout.root()
            + " holds files that are not an exo-etl output (no exo-etl "
            + OutputLayout.MANIFEST
            + "): "
            + named
            + more
            + "; give a new or empty folder, or an earlier exo-etl output");
  }

  private static boolean onlyParticipants(FileSystem fs, FileStatus data) throws IOException {
    for (FileStatus folder : list(fs, data.getPath())) {
      String name = folder.getPath().getName();
      boolean participant =
          folder.isDirectory()
              && (OutputLayout.participantOf(name).isPresent()
                  || name.startsWith(OutputLayout.LEGACY_FOLDER_PREFIX));
      if (!participant && !OutputLayout.isHidden(name)) {
        return false;
      }
    }
    return true;
  }

  private static FileStatus[] list(FileSystem fs, org.apache.hadoop.fs.Path folder)
      throws IOException {
    try {
      return fs.listStatus(folder);
    } catch (FileNotFoundException e) {
      return new FileStatus[0];
    }
  }
}
