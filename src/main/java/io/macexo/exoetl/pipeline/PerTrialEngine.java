package io.macexo.exoetl.pipeline;

import io.macexo.exoetl.assemble.TrialMerger;
import io.macexo.exoetl.assemble.TrialOutcome;
import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.config.NanPolicy;
import io.macexo.exoetl.model.FileKind;
import io.macexo.exoetl.model.Reject;
import io.macexo.exoetl.model.TrialFiles;
import io.macexo.exoetl.progress.ProgressReporter;
import io.macexo.exoetl.read.CsvLineReader;
import io.macexo.exoetl.read.FileTask;
import io.macexo.exoetl.read.HadoopFiles;
import io.macexo.exoetl.stats.TrialStats;
import io.macexo.exoetl.write.DataWriter;
import io.macexo.exoetl.write.DatasetSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;

/**
 * The per-trial engine: trials sorted by participant are cut into contiguous slices; each task
 * reads its trials' three files, checks and joins them in memory ({@link TrialMerger}) and emits
 * one row per accepted trial straight into the Parquet writer. No sensor row is shuffled. Outcomes
 * (ids, lengths, reject reasons) come back through an accumulator in the same job, deduplicated by
 * trial because a retried task reports twice.
 *
 * <p>Tasks: about 16 trials each, at least {@code 2 x default parallelism}; trials are sorted, so a
 * participant spans a few neighbouring tasks and so a few files.
 */
final class PerTrialEngine implements TrialEngine {
  @Override
  public List<TrialSummary> run(
      SparkSession spark, List<TrialFiles> trials, String stagingUri, EtlConfig config) {
    List<TrialFiles> sorted = new ArrayList<>(trials);
    sorted.sort(Comparator.comparing(TrialFiles::id));
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    // About 16 trials a task: fine-grained enough for progress and balance, coarse enough that a
    // participant spans few tasks and so few files.
    int slices =
        Math.min(
            sorted.size(), Math.max(context.defaultParallelism() * 2, (sorted.size() + 15) / 16));
    slices = Math.max(1, slices);
    CollectionAccumulator<TrialSummary> outcomes =
        spark.sparkContext().collectionAccumulator("exo-etl trial outcomes");
    LongAccumulator processed = ProgressReporter.trialsAccumulator(spark.sparkContext());
    AssembleTrials assemble =
        new AssembleTrials(
            HadoopFiles.from(spark.sparkContext().hadoopConfiguration()),
            config,
            outcomes,
            processed);
    JavaRDD<Row> rows = context.parallelize(sorted, slices).mapPartitions(assemble);
    spark
        .sparkContext()
        .setJobDescription("read, validate, join and write " + trials.size() + " trials");
    try {
      DataWriter.write(
          spark.createDataFrame(rows, DatasetSchema.SCHEMA), stagingUri, config.output(), false);
    } finally {
      spark.sparkContext().setJobDescription(null);
    }
    Map<io.macexo.exoetl.model.TrialId, TrialSummary> unique = new LinkedHashMap<>();
    for (TrialSummary summary : outcomes.value()) {
      unique.put(summary.id(), summary);
    }
    return new ArrayList<>(unique.values());
  }

  /** Executor side: a named class with explicit serializable fields, nothing captured. */
  static final class AssembleTrials implements FlatMapFunction<Iterator<TrialFiles>, Row> {
    private static final long serialVersionUID = 1L;
    private final HadoopFiles files;
    private final int samplingRateHz;
    private final boolean rejectNan;
    private final String timeColumn;
    private final HashMap<FileKind, List<String>> selected = new HashMap<>();
    private final HashMap<String, Double> masses;
    private final CollectionAccumulator<TrialSummary> outcomes;
    private final LongAccumulator processed;

    AssembleTrials(
        HadoopFiles files,
        EtlConfig config,
        CollectionAccumulator<TrialSummary> outcomes,
        LongAccumulator processed) {
      this.files = files;
      this.samplingRateHz = config.samplingRateHz();
      this.rejectNan = config.nanPolicy() == NanPolicy.REJECT;
      this.timeColumn = config.features().timeColumn();
      for (FileKind kind : FileKind.values()) {
        selected.put(kind, List.copyOf(config.features().columnsOf(kind)));
      }
      this.masses = new HashMap<>(config.massesKg());
      this.outcomes = outcomes;
      this.processed = processed;
    }

    @Override
    public Iterator<Row> call(Iterator<TrialFiles> trials) {
      TrialMerger merger = new TrialMerger(samplingRateHz, rejectNan);
      return new Iterator<>() {
        private Row next;

        @Override
        public boolean hasNext() {
          while (next == null && trials.hasNext()) {
            next = assemble(merger, trials.next());
          }
          return next != null;
        }

        @Override
        public Row next() {
          Row row = next;
          next = null;
          return row;
        }
      };
    }

    /**
     * The output row of an accepted trial, or null for a rejected one (its outcome is recorded).
     */
    private Row assemble(TrialMerger merger, TrialFiles trial) {
      TrialOutcome outcome = merge(merger, trial);
      processed.add(1);
      if (!outcome.accepted()) {
        Reject reject = new Reject(trial.id(), outcome.issue().code(), outcome.issue().detail());
        outcomes.add(TrialSummary.rejected(reject));
        return null;
      }
      outcomes.add(
          TrialSummary.written(
              trial.id(),
              outcome.sequenceLength(),
              TrialStats.of(outcome.imu(), outcome.angle(), outcome.moment())));
      return RowFactory.create(
          trial.id().participant(),
          trial.id().trial(),
          masses.get(trial.id().participant()),
          outcome.sequenceLength(),
          outcome.imu(),
          outcome.angle(),
          outcome.moment());
    }

    private TrialOutcome merge(TrialMerger merger, TrialFiles trial) {
      List<CsvLineReader> readers = new ArrayList<>();
      try {
        for (FileKind kind : FileKind.values()) {
          String path = trial.path(kind);
          FileTask task =
              new FileTask(
                  trial.id().participant(),
                  trial.id().trial(),
                  kind,
                  new Path(path).getName(),
                  timeColumn,
                  selected.get(kind));
          readers.add(new CsvLineReader(task, samplingRateHz, files.open(path)));
        }
        return merger.merge(trial.id(), readers);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("Cannot read trial " + trial.id(), e);
      } finally {
        for (CsvLineReader reader : readers) {
          try {
            reader.close();
          } catch (IOException ignored) {
            // Closing a file we finished reading cannot lose data.
          }
        }
      }
    }
  }
}
