package io.macexo.exoetl.write;

import io.macexo.exoetl.model.Locations;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The driver's commit of files written by tasks directly (not through Spark's commit protocol): a
 * failed or speculative task attempt may leave a partial or duplicate file in staging, so after the
 * job only the files reported by the successful attempts stay.
 */
public final class StagingFiles {
  private StagingFiles() {}

  /**
   * Deletes every file under the participant folders of {@code staging} that is not in {@code
   * keep}; returns the deleted paths.
   */
  public static List<Path> keepOnly(FileSystem fs, Path staging, Collection<String> keep)
      throws IOException {
    Set<Path> kept = new HashSet<>();
    for (String uri : keep) {
      kept.add(fs.makeQualified(Locations.path(uri)));
    }
    List<Path> deleted = new ArrayList<>();
    if (!fs.exists(staging)) {
      return deleted;
    }
    for (FileStatus folder : fs.listStatus(staging)) {
      if (!folder.isDirectory()) {
        continue;
      }
      for (FileStatus file : fs.listStatus(folder.getPath())) {
        Path path = fs.makeQualified(file.getPath());
        if (!kept.contains(path)) {
          fs.delete(path, true);
          deleted.add(path);
        }
      }
    }
    return deleted;
  }
}
