package io.macexo.exoetl.oracle;

import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.model.FeatureGroup;
import io.macexo.exoetl.model.Selection;
import io.macexo.exoetl.model.TrialFiles;
import io.macexo.exoetl.read.FileTask;
import io.macexo.exoetl.read.HadoopFiles;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The oracle's reader: reads every file of every trial in parallel on the executors and returns one
 * {@link ParsedColumns} row per CSV line. The driver sends only file paths; each task opens its
 * files through the Hadoop file system (local, HDFS or s3a) and parses them lazily.
 *
 * <p>There is no schema inference and no generic CSV reader: the header of each file names the
 * columns, the configured feature lists say which to take. Files are spread over {@code 4 x default
 * parallelism} tasks, the three files of a trial side by side; the read stage has no shuffle.
 */
public final class SensorFileReader {
  /** Hadoop's list of credential stores, e.g. {@code jceks://hdfs@nn/user/etl/s3.jceks}. */
  private SensorFileReader() {}

  /** Builds the (lazy) Dataset of parsed rows for the given trials. */
  public static Dataset<Row> read(SparkSession spark, List<TrialFiles> trials, EtlConfig config) {
    List<FileTask> tasks = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    Selection selection = config.selection();
    for (TrialFiles trial : trials) {
      for (int group = 0; group < selection.size(); group++) {
        FeatureGroup kind = selection.group(group);
        String path = trial.path(group);
        tasks.add(
            new FileTask(
                trial.id().participant(),
                trial.id().trial(),
                group,
                kind.file(),
                new Path(path).getName(),
                selection.timeColumn(),
                kind.features()));
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
                    HadoopFiles.from(spark.sparkContext().hadoopConfiguration()),
                    config.samplingRateHz()));
    return spark.createDataFrame(rows, ParsedColumns.SCHEMA);
  }

  /** A task's input: what to parse and where it is. */
  record FileRef(FileTask task, String path) implements Serializable {}

  /**
   * The executor-side function. A named static class with explicit serializable fields (the Hadoop
   * settings as plain strings, the sampling rate) so that nothing from the driver is dragged along.
   */
  static final class ParseFiles implements FlatMapFunction<FileRef, Row> {
    private static final long serialVersionUID = 1L;
    private final HadoopFiles files;
    private final int samplingRateHz;

    ParseFiles(HadoopFiles files, int samplingRateHz) {
      this.files = files;
      this.samplingRateHz = samplingRateHz;
    }

    @Override
    public Iterator<Row> call(FileRef ref) throws IOException {
      CsvFileParser parser = new CsvFileParser(ref.task(), samplingRateHz, files.open(ref.path()));
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
}
