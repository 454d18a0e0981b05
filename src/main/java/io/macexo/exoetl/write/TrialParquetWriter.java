package io.macexo.exoetl.write;

import io.macexo.exoetl.config.OutputSettings;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.io.api.Binary;

/**
 * Writes dataset rows (one trial each, {@link DatasetSchema}) to one Parquet file: each float of a
 * matrix is one column-writer call with its levels, no {@code Row}, no boxing. The file is what
 * Spark's writer produces for the same rows (tested value for value).
 */
public final class TrialParquetWriter implements Closeable {
  // Levels of a (seq x width) matrix column: optional list (1) > repeated list (2) > optional
  // element list (3) > repeated list (4) > optional float (5); inner lists repeat at level 2.
  private static final int MATRIX_VALUE = 5;
  private static final int MATRIX_EMPTY_ROW = 3;
  private static final int MATRIX_NULL_ROW = 2;
  private static final int MATRIX_EMPTY = 1;
  private static final int MATRIX_NULL = 0;
  private static final int NEW_ROW = 1;
  private static final int SAME_ROW = 2;

  private final ParquetFileSink sink;

  /** Creates {@code path} (it must not exist). */
  public TrialParquetWriter(FileSystem fs, Path path, Configuration conf, DataFileSpec spec)
      throws IOException {
    this.sink =
        new ParquetFileSink(fs, path, conf, spec.schema(), spec.settings(), spec.sparkVersion());
  }

  /** The file name extension Spark uses for the configured codec, e.g. {@code .zstd.parquet}. */
  public static String extension(OutputSettings settings) {
    return ParquetFileSink.extension(settings);
  }

  public Path path() {
    return sink.path();
  }

  public long rows() {
    return sink.rows();
  }

  /**
   * Appends one trial: the four fixed columns, then one matrix per selection group, in order.
   *
   * @param massKg null when the participant has no configured mass
   */
  public void write(
      String participant,
      String trialName,
      Double massKg,
      int sequenceLength,
      List<float[][]> arrays) {
    sink.column(0).write(Binary.fromString(participant), 0, 0);
    sink.column(1).write(Binary.fromString(trialName), 0, 0);
    if (massKg == null) {
      sink.column(2).writeNull(0, 0);
    } else {
      sink.column(2).write(massKg.doubleValue(), 0, 1);
    }
    sink.column(3).write(sequenceLength, 0, 0);
    for (int i = 0; i < arrays.size(); i++) {
      writeMatrix(sink.column(4 + i), arrays.get(i));
    }
    sink.endRow();
  }

  private static void writeMatrix(ColumnWriter writer, float[][] matrix) {
    if (matrix == null) {
      writer.writeNull(0, MATRIX_NULL);
      return;
    }
    if (matrix.length == 0) {
      writer.writeNull(0, MATRIX_EMPTY);
      return;
    }
    for (int r = 0; r < matrix.length; r++) {
      int rowLevel = r == 0 ? 0 : NEW_ROW;
      float[] row = matrix[r];
      if (row == null) {
        writer.writeNull(rowLevel, MATRIX_NULL_ROW);
      } else if (row.length == 0) {
        writer.writeNull(rowLevel, MATRIX_EMPTY_ROW);
      } else {
        writer.write(row[0], rowLevel, MATRIX_VALUE);
        for (int c = 1; c < row.length; c++) {
          writer.write(row[c], SAME_ROW, MATRIX_VALUE);
        }
      }
    }
  }

  /** Writes the last row group and the footer. */
  @Override
  public void close() throws IOException {
    sink.close();
  }

  /** Gives up on the file after a failure (the driver deletes what is left of it). */
  public void abort() {
    sink.abort();
  }
}
