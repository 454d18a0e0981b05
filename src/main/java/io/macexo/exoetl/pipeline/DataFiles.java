package io.macexo.exoetl.pipeline;

import io.macexo.exoetl.model.Manifest;
import io.macexo.exoetl.model.OutputLayout;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/** Lists a participant's data files for the manifest, relative to the output root. */
final class DataFiles {
  private DataFiles() {}

  static List<Manifest.DataFile> list(FileSystem fs, OutputLayout layout, String participant)
      throws IOException {
    List<Manifest.DataFile> files = new ArrayList<>();
    org.apache.hadoop.fs.Path folder = layout.participant(participant);
    if (!fs.exists(folder)) {
      return files;
    }
    for (FileStatus status : fs.listStatus(folder)) {
      if (status.isFile() && status.getPath().getName().endsWith(OutputLayout.PARQUET)) {
        String relative = OutputLayout.dataFile(participant, status.getPath().getName());
        files.add(new Manifest.DataFile(relative, status.getLen()));
      }
    }
    files.sort(java.util.Comparator.comparing(Manifest.DataFile::path));
    return files;
  }
}
