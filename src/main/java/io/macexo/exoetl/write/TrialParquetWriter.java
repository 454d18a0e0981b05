package io.macexo.exoetl.write;

import io.macexo.exoetl.config.OutputSettings;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopStreams;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;

/**
 * Writes dataset rows (one trial each) to one Parquet file through parquet-mr's column writers, the
 * way Iceberg's Parquet writers do, instead of through Spark's row writer.
 *
 * <p>Why: Spark's {@code ParquetWriteSupport} drives a {@code RecordConsumer} with a start/end
 * group and field call per float of a nested list, and reaches it through a {@code Row} of boxed
 * floats; that bookkeeping was the largest share of the per-trial engine's profile. Here each float
 * is one {@link ColumnWriter#write(float, int, int)} call with its repetition and definition
 * levels. The file is what Spark would write for {@link DatasetSchema#SCHEMA}: the same message
 * type ({@link ParquetSchema}), the same codec and dictionary settings, and Spark's schema in the
 * footer metadata so that Spark reads back the same nullability.
 */
public final class TrialParquetWriter implements Closeable {
  /** The Parquet message type of the dataset. */
  public static final MessageType SCHEMA = ParquetSchema.of(DatasetSchema.SCHEMA);

  /** Footer key under which Spark keeps the Spark schema of a file it wrote. */
  static final String SPARK_ROW_METADATA = "org.apache.spark.sql.parquet.row.metadata";

  /** Footer key with the writing Spark version; Spark reads it to pick legacy rebase modes. */
  static final String SPARK_VERSION_METADATA = "org.apache.spark.version";

  // Levels of a (seq x width) matrix column: optional list (1) > repeated list (2) > optional
  // element list (3) > repeated list (4) > optional float (5); inner lists repeat at level 2.
  private static final int MATRIX_VALUE = 5;
  private static final int MATRIX_EMPTY_ROW = 3;
  private static final int MATRIX_NULL_ROW = 2;
  private static final int MATRIX_EMPTY = 1;
  private static final int MATRIX_NULL = 0;
  private static final int NEW_ROW = 1;
  private static final int SAME_ROW = 2;

  private final ParquetFileWriter file;
  private final ParquetProperties properties;
  private final CodecFactory codecs;
  private final CodecFactory.BytesCompressor compressor;
  private final long rowGroupBytes;
  private final Map<String, String> footer;
  private final Path path;
  private ColumnChunkPageWriteStore pages;
  private ColumnWriteStore columns;
  private ColumnWriter[] writers;
  private long rowsInGroup;
  private long rows;
  private boolean closed;

  /**
   * Creates {@code path} (it must not exist).
   *
   * @param sparkVersion written to the footer as Spark does
   */
  public TrialParquetWriter(
      FileSystem fs, Path path, Configuration conf, OutputSettings settings, String sparkVersion)
      throws IOException {
    this.path = path;
    this.rowGroupBytes = settings.rowGroupBytes();
    this.properties =
        ParquetProperties.builder()
            .withDictionaryEncoding(settings.parquetDictionary())
            .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0)
            // Rows are whole trials (hundreds of KB each): check the page size after every row so
            // that pages stay near the 1 MB default instead of one page per row group.
            .withMinRowCountForPageSizeCheck(1)
            .build();
    this.codecs = new CodecFactory(conf, properties.getPageSizeThreshold());
    this.compressor =
        codecs.getCompressor(CompressionCodecName.fromConf(settings.compression().toUpperCase()));
    this.footer =
        Map.of(
            SPARK_ROW_METADATA, DatasetSchema.SCHEMA.json(), SPARK_VERSION_METADATA, sparkVersion);
    this.file =
        new ParquetFileWriter(
            new NoChecksumOutputFile(fs, path),
            SCHEMA,
            ParquetFileWriter.Mode.CREATE,
            rowGroupBytes,
            0,
            null,
            properties);
    file.start();
    startRowGroup();
  }

  /** The file name extension Spark uses for a codec, e.g. {@code .zstd.parquet}. */
  public static String extension(OutputSettings settings) {
    return CompressionCodecName.fromConf(settings.compression().toUpperCase()).getExtension()
        + ".parquet";
  }

  public Path path() {
    return path;
  }

  public long rows() {
    return rows;
  }

  /** Appends one trial; the row's columns are those of {@link DatasetSchema#SCHEMA}, in order. */
  public void write(
      String participant,
      String trialName,
      Double massKg,
      int sequenceLength,
      float[][] imu,
      float[][] angle,
      float[][] moment) {
    writers[0].write(Binary.fromString(participant), 0, 0);
    writers[1].write(Binary.fromString(trialName), 0, 0);
    if (massKg == null) {
      writers[2].writeNull(0, 0);
    } else {
      writers[2].write(massKg.doubleValue(), 0, 1);
    }
    writers[3].write(sequenceLength, 0, 0);
    writeMatrix(writers[4], imu);
    writeMatrix(writers[5], angle);
    writeMatrix(writers[6], moment);
    columns.endRecord();
    rows++;
    rowsInGroup++;
    if (columns.getBufferedSize() >= rowGroupBytes) {
      flushRowGroup();
      startRowGroup();
    }
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

  private void startRowGroup() {
    pages =
        new ColumnChunkPageWriteStore(
            compressor,
            SCHEMA,
            properties.getAllocator(),
            properties.getColumnIndexTruncateLength(),
            properties.getPageWriteChecksumEnabled(),
            null,
            0);
    columns = properties.newColumnWriteStore(SCHEMA, pages, pages);
    List<ColumnDescriptor> descriptors = SCHEMA.getColumns();
    writers = new ColumnWriter[descriptors.size()];
    for (int i = 0; i < writers.length; i++) {
      writers[i] = columns.getColumnWriter(descriptors.get(i));
    }
    rowsInGroup = 0;
  }

  private void flushRowGroup() {
    try {
      if (rowsInGroup > 0) {
        file.startBlock(rowsInGroup);
        columns.flush();
        pages.flushToFileWriter(file);
        file.endBlock();
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("Cannot write a row group to " + path, e);
    } finally {
      releaseRowGroup();
    }
  }

  private void releaseRowGroup() {
    if (columns != null) {
      columns.close();
      pages.close();
      columns = null;
      pages = null;
    }
  }

  /** Writes the last row group and the footer. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    boolean ended = false;
    try {
      flushRowGroup();
      file.end(footer);
      ended = true;
    } finally {
      if (!ended) {
        file.close();
      }
      codecs.release();
    }
  }

  /** Gives up on a file after a failure: closes its stream, leaves no footer (so no valid file). */
  public void abort() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      releaseRowGroup();
      file.close();
    } catch (IOException | RuntimeException ignored) {
      // The caller is already failing with the first error; the partial file is deleted by the
      // driver, which keeps only files that successful tasks report.
    } finally {
      codecs.release();
    }
  }

  /**
   * The file as parquet-mr wants it, created through {@link OutputFiles#create} so that the local
   * file system writes no {@code .crc} side file (nor spends CPU on its checksums).
   */
  private record NoChecksumOutputFile(FileSystem fs, Path path) implements OutputFile {
    @Override
    public PositionOutputStream create(long blockSizeHint) throws IOException {
      return HadoopStreams.wrap(OutputFiles.create(fs, path));
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
      return create(blockSizeHint);
    }

    @Override
    public boolean supportsBlockSize() {
      return false;
    }

    @Override
    public long defaultBlockSize() {
      return 0;
    }

    @Override
    public String getPath() {
      return path.toString();
    }
  }
}
