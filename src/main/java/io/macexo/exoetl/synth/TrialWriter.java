package io.macexo.exoetl.synth;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the folder of one trial: its 15 files {@code {P}_{T}_{kind}.csv}, minus or broken as the
 * trial's file-level defect asks (an absent angle file, a 0-byte moment file, a gzip-compressed exo
 * file, a moment file cut in its last line, a moment "file" that is a folder). Runs on a generator
 * worker thread; trials share nothing, so they can be written in any order.
 */
final class TrialWriter {
  /** A line of the read files is far shorter than this, so the last line is found in one read. */
  private static final int TAIL_BYTES = 64 * 1024;

  private TrialWriter() {}

  /** Writes the trial folder under {@code root} and returns what it wrote. */
  static FileTally write(Path root, TrialPlan plan) throws IOException {
    Path folder = root.resolve(plan.participant()).resolve(plan.trial());
    Files.createDirectories(folder);
    TrialContents contents = new TrialContents(plan);
    FileTally tally = FileTally.NONE;
    for (String kind : Phase1Columns.allKinds()) {
      Path file = folder.resolve(Phase1Columns.fileName(plan.participant(), plan.trial(), kind));
      if (kind.equals(Phase1Columns.ANGLE_FILT_KIND) && plan.is(Defect.MISSING_FILE)) {
        continue;
      }
      tally = tally.plusFile(writeKind(file, kind, plan, contents));
    }
    return tally;
  }

  private static long writeKind(Path file, String kind, TrialPlan plan, TrialContents contents)
      throws IOException {
    return switch (kind) {
      case Phase1Columns.EXO_KIND -> writeExo(file, plan, contents);
      case Phase1Columns.ANGLE_FILT_KIND -> CsvTableWriter.write(file, contents.angle());
      case Phase1Columns.MOMENT_FILT_BIO_KIND -> writeMoment(file, plan, contents);
      default -> CsvTableWriter.write(file, contents.unread(kind));
    };
  }

  private static long writeExo(Path file, TrialPlan plan, TrialContents contents)
      throws IOException {
    long size = CsvTableWriter.write(file, contents.exo());
    return plan.is(Defect.NOT_CSV) ? gzipInPlace(file) : size;
  }

  /**
   * Replaces the file by its gzip compression, keeping its name. Returns the new size. The bytes
   * depend on the content only: Java's gzip header carries no time stamp.
   */
  static long gzipInPlace(Path file) throws IOException {
    Path compressed = file.resolveSibling(file.getFileName() + ".gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(compressed))) {
      Files.copy(file, out);
    }
    Files.move(compressed, file, StandardCopyOption.REPLACE_EXISTING);
    return Files.size(file);
  }

  private static long writeMoment(Path file, TrialPlan plan, TrialContents contents)
      throws IOException {
    if (plan.is(Defect.EMPTY_FILE)) {
      Files.write(file, new byte[0]);
      return 0;
    }
    if (plan.is(Defect.FOLDER_NOT_FILE)) {
      Files.createDirectories(file);
      return CsvTableWriter.write(file.resolve("part-00000.csv"), contents.moment());
    }
    long size = CsvTableWriter.write(file, contents.moment());
    return plan.is(Defect.TRUNCATED_LAST_LINE) ? truncateLastLine(file, size) : size;
  }

  /**
   * Cuts the last line in its middle and drops the trailing newline, as an interrupted copy leaves
   * a file: the line keeps fewer fields than the header. Returns the new size.
   */
  static long truncateLastLine(Path file, long size) throws IOException {
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      int tailLength = (int) Math.min(size, TAIL_BYTES);
      ByteBuffer tail = ByteBuffer.allocate(tailLength);
      channel.read(tail, size - tailLength);
      // The last byte is the trailing newline; the line starts after the newline before it.
      int lineStart = 0;
      for (int index = tailLength - 2; index >= 0; index--) {
        if (tail.get(index) == '\n') {
          lineStart = index + 1;
          break;
        }
      }
      int lineLength = tailLength - 1 - lineStart;
      long cut = size - tailLength + lineStart + lineLength / 2;
      channel.truncate(cut);
      return cut;
    }
  }
}
