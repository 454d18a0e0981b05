package io.macexo.exoetl.read;

import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.model.FileKind;
import io.macexo.exoetl.model.TrialFiles;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads the three files of every trial in parallel on the executors and returns one {@link
 * ParsedColumns} row per CSV line. The driver sends only file paths; each task opens its files
 * through the Hadoop file system (local, HDFS or s3a) and parses them lazily.
 *
 * <p>There is no schema inference and no generic CSV reader: the header of each file names the
 * columns, the configured feature lists say which to take. Files are spread over {@code 4 x default
 * parallelism} tasks, the three files of a trial side by side; the read stage has no shuffle.
 */
public final class SensorFileReader {
  /** Hadoop's list of credential stores, e.g. {@code jceks://hdfs@nn/user/etl/s3.jceks}. */
  private static final String CREDENTIAL_PROVIDER_PATH = "hadoop.security.credential.provider.path";

  private SensorFileReader() {}

  /** Builds the (lazy) Dataset of parsed rows for the given trials. */
  public static Dataset<Row> read(SparkSession spark, List<TrialFiles> trials, EtlConfig config) {
    List<CsvFileParser.FileTask> tasks = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    for (TrialFiles trial : trials) {
      for (FileKind kind : FileKind.values()) {
        String path = trial.path(kind);
        tasks.add(
            new CsvFileParser.FileTask(
                trial.id().participant(),
                trial.id().trial(),
                kind,
                new Path(path).getName(),
                config.features().timeColumn(),
                config.features().columnsOf(kind)));
        paths.add(path);
      }
    }
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int slices = Math.max(1, Math.min(tasks.size(), context.defaultParallelism() * 4));
    List<FileRef> refs = new ArrayList<>(tasks.size());
    for (int i = 0; i < tasks.size(); i++) {
      refs.add(new FileRef(tasks.get(i), paths.get(i)));
    }
    JavaRDD<Row> rows =
        context
            .parallelize(refs, slices)
            .flatMap(
                new ParseFiles(
                    hadoopSettings(spark.sparkContext().hadoopConfiguration()),
                    config.samplingRateHz()));
    return spark.createDataFrame(rows, ParsedColumns.SCHEMA);
  }

  /** A task's input: what to parse and where it is. */
  record FileRef(CsvFileParser.FileTask task, String path) implements Serializable {}

  /**
   * The executor-side function. A named static class with explicit serializable fields (the Hadoop
   * settings as plain strings, the sampling rate) so that nothing from the driver is dragged along.
   */
  static final class ParseFiles implements FlatMapFunction<FileRef, Row> {
    private static final long serialVersionUID = 1L;
    private final Map<String, String> hadoopSettings;
    private final int samplingRateHz;

    ParseFiles(Map<String, String> hadoopSettings, int samplingRateHz) {
      this.hadoopSettings = hadoopSettings;
      this.samplingRateHz = samplingRateHz;
    }

    @Override
    public Iterator<Row> call(FileRef ref) throws IOException {
      Configuration conf = new Configuration();
      hadoopSettings.forEach(conf::set);
      Path path = new Path(ref.path());
      FileSystem fs = FileSystem.get(URI.create(ref.path()), conf);
      FSDataInputStream in = fs.open(path);
      CsvFileParser parser = new CsvFileParser(ref.task(), samplingRateHz, in);
      return new ClosingIterator(parser);
    }
  }

  /** Closes the file when the last row has been taken. */
  private static final class ClosingIterator implements Iterator<Row> {
    private final CsvFileParser parser;
    private boolean closed;

    ClosingIterator(CsvFileParser parser) {
      this.parser = parser;
    }

    @Override
    public boolean hasNext() {
      boolean more = parser.hasNext();
      if (!more && !closed) {
        closed = true;
        try {
          parser.close();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
      return more;
    }

    @Override
    public Row next() {
      return parser.next();
    }
  }

  /**
   * The driver's file system settings (s3a endpoint, credentials provider, keys Spark took from
   * AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY), for the executors; and where Hadoop credential
   * stores are (a JCEKS file holding fs.s3a.secret.key), which S3A reads outside {@code fs.*}.
   */
  private static Map<String, String> hadoopSettings(Configuration conf) {
    Map<String, String> settings = new java.util.HashMap<>();
    for (Map.Entry<String, String> entry : conf) {
      if (entry.getKey().startsWith("fs.") || entry.getKey().equals(CREDENTIAL_PROVIDER_PATH)) {
        settings.put(entry.getKey(), entry.getValue());
      }
    }
    return Collections.unmodifiableMap(new java.util.HashMap<>(settings));
  }
}
