package io.macexo.exoetl.write;

import io.macexo.exoetl.model.Locations;
import io.macexo.exoetl.model.OutputLayout;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Executor side of the per-trial engine's write: one task's accepted trials, which arrive grouped
 * by participant, go to one file per participant under {@code staging/subject=P/}, the layout
 * {@link ParticipantSwap} moves into {@code data/}. At most one file is open at a time.
 *
 * <p>File names carry the task's partition and attempt, so a retried or speculative attempt never
 * overwrites another's file; the driver keeps only the files that successful tasks report ({@link
 * StagingFiles#keepOnly}).
 */
public final class ParticipantFileWriter implements Closeable {
  private final Path staging;
  private final Configuration conf;
  private final DataFileSpec spec;
  private final String namePrefix;
  private final List<String> written = new ArrayList<>();
  private TrialParquetWriter current;
  private String currentParticipant;

  /**
   * @param namePrefix unique to the task attempt, e.g. {@code part-00003-<run>-a0}
   */
  public ParticipantFileWriter(
      Path staging, Configuration conf, DataFileSpec spec, String namePrefix) {
    this.staging = staging;
    this.conf = conf;
    this.spec = spec;
    this.namePrefix = namePrefix;
  }

  /** The writer for {@code participant}, closing the previous participant's file first. */
  public TrialParquetWriter forParticipant(String participant) throws IOException {
    if (current != null && participant.equals(currentParticipant)) {
      return current;
    }
    closeCurrent();
    Path folder = new Path(staging, OutputLayout.folderName(participant));
    Path file = new Path(folder, namePrefix + TrialParquetWriter.extension(spec.settings()));
    current = new TrialParquetWriter(file.getFileSystem(conf), file, conf, spec);
    currentParticipant = participant;
    return current;
  }

  private void closeCurrent() throws IOException {
    if (current != null) {
      TrialParquetWriter closing = current;
      current = null;
      closing.close();
      written.add(Locations.text(closing.path()));
    }
  }

  /** Closes the open file; returns the URIs of every file written. */
  public List<String> finish() throws IOException {
    closeCurrent();
    return List.copyOf(written);
  }

  /** After a failure: abandons the open file (the driver deletes it). */
  @Override
  public void close() {
    if (current != null) {
      current.abort();
      current = null;
    }
  }
}
