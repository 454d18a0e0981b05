package io.macexo.exoetl.write;

import io.macexo.exoetl.config.OutputSettings;
import io.macexo.exoetl.model.OutputLayout;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.apache.parquet.schema.MessageType;
import org.apache.spark.sql.types.StructType;

/**
 * One Parquet file written through parquet-mr's column writers, the way Iceberg's Parquet writers
 * work: the caller writes each leaf value with its repetition and definition levels to {@link
 * #column}, then ends the row. This class owns the rest: row groups closed at the configured size,
 * pages near 1 MB, the codec, and a footer that carries the Spark schema as Spark's own writer does
 * (so Spark reads the file back with the same types).
 *
 * <p>Why not Spark's writer: it drives a {@code RecordConsumer} with start/end calls per field and
 * group, per float of a nested list, from a {@code Row} of boxed values; for the dataset's float
 * matrices that was the largest share of the job's CPU (see docs/performance.md). Without Spark,
 * small driver-side tables (the rejects) are also written without starting a Spark job.
 */
final class ParquetFileSink implements Closeable {
  /** Footer key under which Spark keeps the Spark schema of a file it wrote. */
  static final String SPARK_ROW_METADATA = "org.apache.spark.sql.parquet.row.metadata";

  /** Footer key with the writing Spark version; Spark reads it to pick legacy rebase modes. */
  static final String SPARK_VERSION_METADATA = "org.apache.spark.version";

  private final MessageType schema;
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

  /** Creates {@code path}, which must not exist, for rows of {@code sparkSchema}. */
  ParquetFileSink(
      FileSystem fs,
      Path path,
      Configuration conf,
      StructType sparkSchema,
      OutputSettings settings,
      String sparkVersion)
      throws IOException {
    this.path = path;
    this.schema = ParquetSchema.of(sparkSchema);
    this.rowGroupBytes = settings.rowGroupBytes();
    this.properties =
        ParquetProperties.builder()
            .withDictionaryEncoding(settings.parquetDictionary())
            .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0)
            // A dataset row is a whole trial (hundreds of KB): check the page size after every
            // row so that pages stay near the 1 MB default instead of one page per row group.
            .withMinRowCountForPageSizeCheck(1)
            .withValuesWriterFactory(PlainFloatWriter.factory())
            .build();
    this.codecs = new CodecFactory(conf, properties.getPageSizeThreshold());
    this.compressor = codecs.getCompressor(codec(settings));
    this.footer =
        Map.of(SPARK_ROW_METADATA, sparkSchema.json(), SPARK_VERSION_METADATA, sparkVersion);
    this.file =
        new ParquetFileWriter(
            new NoChecksumOutputFile(fs, path),
            schema,
            ParquetFileWriter.Mode.CREATE,
            rowGroupBytes,
            0,
            null,
            properties);
    file.start();
    startRowGroup();
  }

  private static CompressionCodecName codec(OutputSettings settings) {
    return CompressionCodecName.fromConf(settings.compression().toUpperCase(java.util.Locale.ROOT));
  }

  /** The file name extension Spark uses for a codec, e.g. {@code .zstd.parquet}. */
  static String extension(OutputSettings settings) {
    return codec(settings).getExtension() + OutputLayout.PARQUET;
  }

  MessageType schema() {
    return schema;
  }

  Path path() {
    return path;
  }

  long rows() {
    return rows;
  }

  /** The writer of leaf column {@code index}, in the message type's column order. */
  ColumnWriter column(int index) {
    return writers[index];
  }

  /** Ends the current row; closes the row group when it has reached its size. */
  void endRow() {
    columns.endRecord();
    rows++;
    rowsInGroup++;
    if (columns.getBufferedSize() >= rowGroupBytes) {
      flushRowGroup();
      startRowGroup();
    }
  }

  private void startRowGroup() {
    pages =
        new ColumnChunkPageWriteStore(
            compressor,
            schema,
            properties.getAllocator(),
            properties.getColumnIndexTruncateLength(),
            properties.getPageWriteChecksumEnabled(),
            null,
            0);
    columns = properties.newColumnWriteStore(schema, pages, pages);
    List<ColumnDescriptor> descriptors = schema.getColumns();
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
      throw new UncheckedIOException("Cannot write a row group to " + path, e);
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
  void abort() {
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
