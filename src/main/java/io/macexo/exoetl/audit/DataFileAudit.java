package io.macexo.exoetl.audit;

import io.macexo.exoetl.audit.Problem.Check;
import io.macexo.exoetl.model.OutputLayout;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.spark.sql.types.StructType;

/**
 * Checks every data file on the driver, before any Spark job reads one: each {@code *.parquet} file
 * under {@code data/} (hidden names left out, as every reader leaves them out) must be Parquet,
 * whole, with a readable footer and the dataset's schema ({@link SchemaAudit}). How: its first and
 * last four bytes must be Parquet's magic {@code PAR1}, which tells an empty, a foreign and a
 * cut-off file apart; then parquet-mr's {@link ParquetFileReader} reads its footer, as {@code
 * report/ExampleTrialReader} does. Why on the driver: a broken file that reaches a Spark task fails
 * the whole job (a file cut off at 1,000 bytes gives "footer is too large"), and no Spark job is
 * needed to read a footer. A file with a problem is left out of the other checks.
 */
final class DataFileAudit {
  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

  /** The shortest Parquet file: magic, a footer length, magic. */
  private static final int SHORTEST = 2 * MAGIC.length + Integer.BYTES;

  private final FileSystem fs;
  private final OutputLayout layout;
  private final StructType expected;

  DataFileAudit(FileSystem fs, OutputLayout layout, StructType expected) {
    this.fs = fs;
    this.layout = layout;
    this.expected = expected;
  }

  /** The data files, each either readable or left out with its problem. */
  DataFiles scan() {
    List<FileStatus> files;
    try {
      if (!fs.getFileStatus(layout.data()).isDirectory()) {
        return DataFiles.broken(AuditMessages.dataFolderIsAFile());
      }
      files = list();
    } catch (FileNotFoundException e) {
      return DataFiles.broken(AuditMessages.noDataFolder());
    } catch (IOException e) {
      return DataFiles.broken(AuditMessages.dataFolderUnreadable(e));
    }
    if (files.isEmpty()) {
      return DataFiles.broken(AuditMessages.noParquetFile());
    }
    List<Path> readable = new ArrayList<>();
    List<Path> leftOut = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (FileStatus file : files) {
      Optional<Problem> problem = check(file);
      problem.ifPresent(problems::add);
      (problem.isPresent() ? leftOut : readable).add(file.getPath());
    }
    return new DataFiles(readable, leftOut, problems);
  }

  /** The Parquet files under data/, in path order; hidden folders and files are not data. */
  private List<FileStatus> list() throws IOException {
    List<FileStatus> files = new ArrayList<>();
    RemoteIterator<LocatedFileStatus> listing = fs.listFiles(layout.data(), true);
    while (listing.hasNext()) {
      LocatedFileStatus file = listing.next();
      String relative = relative(file.getPath());
      if (file.getPath().getName().endsWith(OutputLayout.PARQUET)
          && !OutputLayout.isHiddenPath(relative)) {
        files.add(file);
      }
    }
    files.sort(java.util.Comparator.comparing(FileStatus::getPath));
    return files;
  }

  private Optional<Problem> check(FileStatus file) {
    String where = relative(file.getPath());
    if (file.getLen() == 0) {
      return Optional.of(AuditMessages.emptyFile(Check.FILE, where));
    }
    Optional<Problem> framing;
    try {
      framing = framing(file, where);
    } catch (IOException e) {
      return Optional.of(AuditMessages.unreadable(Check.FILE, where, e));
    }
    if (framing.isPresent()) {
      return framing;
    }
    MessageType schema;
    try (ParquetFileReader reader =
        ParquetFileReader.open(HadoopInputFile.fromStatus(file, fs.getConf()))) {
      schema = reader.getFooter().getFileMetaData().getSchema();
    } catch (IOException | RuntimeException e) {
      // parquet-mr reports a damaged footer as either, depending on where the damage is.
      return Optional.of(AuditMessages.damagedFooter(where, e));
    }
    return SchemaAudit.check(where, schema, expected);
  }

  /** What the magic bytes at both ends say is wrong, if anything. */
  private Optional<Problem> framing(FileStatus file, String where) throws IOException {
    byte[] head = new byte[MAGIC.length];
    byte[] tail = new byte[MAGIC.length];
    try (FSDataInputStream in = fs.open(file.getPath())) {
      in.readFully(0, head, 0, (int) Math.min(head.length, file.getLen()));
      if (file.getLen() >= SHORTEST) {
        in.readFully(file.getLen() - tail.length, tail);
      }
    }
    if (!Arrays.equals(head, MAGIC)) {
      return Optional.of(AuditMessages.notParquet(where));
    }
    return Arrays.equals(tail, MAGIC)
        ? Optional.empty()
        : Optional.of(AuditMessages.cutOff(where, file.getLen()));
  }

  /** A path under the output root, relative to it and decoded, as problems name files. */
  private String relative(Path file) {
    return layout.root().toUri().relativize(file.toUri()).getPath();
  }
}
