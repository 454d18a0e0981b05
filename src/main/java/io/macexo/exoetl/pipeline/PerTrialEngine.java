package io.macexo.exoetl.pipeline;

import io.macexo.exoetl.assemble.TrialMerger;
import io.macexo.exoetl.assemble.TrialOutcome;
import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.config.NanPolicy;
import io.macexo.exoetl.model.FeatureGroup;
import io.macexo.exoetl.model.Locations;
import io.macexo.exoetl.model.OutputLayout;
import io.macexo.exoetl.model.Reject;
import io.macexo.exoetl.model.Rejections;
import io.macexo.exoetl.model.Selection;
import io.macexo.exoetl.model.TrialFiles;
import io.macexo.exoetl.model.TrialStats;
import io.macexo.exoetl.model.TrialSummary;
import io.macexo.exoetl.read.CsvLineReader;
import io.macexo.exoetl.read.FileTask;
import io.macexo.exoetl.read.HadoopFiles;
import io.macexo.exoetl.read.ReadFailure;
import io.macexo.exoetl.write.DataFileSpec;
import io.macexo.exoetl.write.DatasetSchema;
import io.macexo.exoetl.write.ParticipantFileWriter;
import io.macexo.exoetl.write.StagingFiles;
import io.macexo.exoetl.write.TrialParquetWriter;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.SparkSession;

/**
 * The per-trial engine: trials sorted by participant are cut into contiguous slices; each task
 * reads its trials' three files, checks and joins them in memory ({@link TrialMerger}) and writes
 * the accepted ones straight to Parquet ({@link ParticipantFileWriter}), one file per participant
 * it meets. No sensor row is shuffled, sorted or turned into a Spark {@code Row}. Each task returns
 * its outcomes (ids, lengths, statistics, reject reasons) and the files it wrote; Spark keeps the
 * result of exactly one successful attempt per task, so retries count once, and files of failed or
 * duplicate attempts are deleted before the swap ({@link StagingFiles#keepOnly}).
 *
 * <p>Tasks: contiguous slices of about equal bytes, the largest started first ({@link
 * TrialSlices}).
 */
public final class PerTrialEngine implements TrialEngine {
  @Override
  public List<TrialSummary> run(SparkSession spark, Work work) {
    List<TrialFiles> sorted = new ArrayList<>(work.trials());
    sorted.sort(Comparator.comparing(TrialFiles::id));
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<TrialSlices.Slice> slices = TrialSlices.of(sorted, context.defaultParallelism());
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    EtlConfig config = work.config();
    DataFileSpec spec =
        new DataFileSpec(DatasetSchema.of(config.selection()), config.output(), spark.version());
    AssembleTrials assemble =
        new AssembleTrials(
            HadoopFiles.from(hadoop),
            config,
            new TaskOutput(work.stagingUri(), spec, UUID.randomUUID().toString().substring(0, 8)),
            work.progress().trialCounter(spark.sparkContext()));
    spark
        .sparkContext()
        .setJobDescription("read, validate, join and write " + work.trials().size() + " trials");
    List<SliceResult> results;
    try {
      // One slice a partition, in the order TrialSlices gives (largest first).
      results = context.parallelize(slices, slices.size()).mapPartitions(assemble).collect();
    } finally {
      spark.sparkContext().setJobDescription(null);
    }
    List<TrialSummary> outcomes = new ArrayList<>();
    List<String> files = new ArrayList<>();
    for (SliceResult result : results) {
      outcomes.addAll(result.outcomes());
      files.addAll(result.files());
    }
    try {
      Path staging = Locations.path(work.stagingUri());
      StagingFiles.keepOnly(staging.getFileSystem(hadoop), staging, files);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot tidy the staging folder " + work.stagingUri(), e);
    }
    return outcomes;
  }

  /** Where and how a task writes its files; the name tag is unique to the run. */
  record TaskOutput(String stagingUri, DataFileSpec spec, String runTag) implements Serializable {
    /** A file name prefix unique to a slice and task attempt; slices number in trial order. */
    String namePrefix(TrialSlices.Slice slice, TaskContext task) {
      return String.format(
          Locale.ROOT, "part-%05d-%s-a%d", slice.order(), runTag, task.attemptNumber());
    }
  }

  /** What one task reports: every trial's outcome and the files it wrote. */
  record SliceResult(List<TrialSummary> outcomes, List<String> files) implements Serializable {}

  /** Executor side: a named class with explicit serializable fields, nothing captured. */
  static final class AssembleTrials
      implements FlatMapFunction<Iterator<TrialSlices.Slice>, SliceResult> {
    private static final long serialVersionUID = 1L;
    private final HadoopFiles files;
    private final int samplingRateHz;
    private final boolean rejectNan;
    private final Selection selection;
    private final HashMap<String, Double> masses;
    private final TaskOutput output;
    private final RunProgress.TrialCounter processed;

    AssembleTrials(
        HadoopFiles files,
        EtlConfig config,
        TaskOutput output,
        RunProgress.TrialCounter processed) {
      this.files = files;
      this.samplingRateHz = config.samplingRateHz();
      this.rejectNan = config.nanPolicy() == NanPolicy.REJECT;
      this.selection = config.selection();
      this.masses = new HashMap<>(config.massesKg());
      this.output = output;
      this.processed = processed;
    }

    @Override
    public Iterator<SliceResult> call(Iterator<TrialSlices.Slice> slices) throws IOException {
      TrialMerger merger = new TrialMerger(samplingRateHz, rejectNan);
      List<SliceResult> results = new ArrayList<>();
      while (slices.hasNext()) {
        TrialSlices.Slice slice = slices.next();
        List<TrialSummary> outcomes = new ArrayList<>();
        try (ParticipantFileWriter writer =
            new ParticipantFileWriter(
                Locations.path(output.stagingUri()),
                files.configuration(),
                output.spec(),
                output.namePrefix(slice, TaskContext.get()))) {
          for (TrialFiles trial : slice.trials()) {
            outcomes.add(assemble(merger, trial, writer));
          }
          results.add(new SliceResult(outcomes, writer.finish()));
        }
      }
      return results.iterator();
    }

    /** Reads, checks and joins one trial; writes it if accepted. */
    private TrialSummary assemble(
        TrialMerger merger, TrialFiles trial, ParticipantFileWriter writer) throws IOException {
      TrialOutcome outcome;
      try {
        outcome = merge(merger, trial);
      } catch (ReadFailure e) {
        processed.add(1);
        return TrialSummary.rejected(Rejections.unreadable(trial.id(), e.fileName(), e.getCause()));
      }
      processed.add(1);
      if (!outcome.accepted()) {
        return TrialSummary.rejected(
            new Reject(trial.id(), outcome.issue().code(), outcome.issue().detail()));
      }
      String participant = trial.id().participant();
      TrialParquetWriter file = writer.forParticipant(participant);
      file.write(
          participant,
          trial.id().trial(),
          masses.get(participant),
          outcome.sequenceLength(),
          outcome.arrays());
      return TrialSummary.written(
          trial.id(),
          outcome.sequenceLength(),
          TrialStats.of(outcome.arrays()),
          OutputLayout.dataFile(participant, file.path().getName()));
    }

    /** Reads and joins one trial; a {@link ReadFailure} names the file that could not be read. */
    private TrialOutcome merge(TrialMerger merger, TrialFiles trial) throws ReadFailure {
      List<CsvLineReader> readers = new ArrayList<>();
      try {
        for (int group = 0; group < selection.size(); group++) {
          FeatureGroup kind = selection.group(group);
          String path = trial.path(group);
          FileTask task =
              new FileTask(
                  trial.id().participant(),
                  trial.id().trial(),
                  group,
                  kind.file(),
                  Locations.name(path),
                  selection.timeColumn(),
                  kind.features());
          java.io.InputStream in = files.open(path);
          try {
            readers.add(new CsvLineReader(task, samplingRateHz, in));
          } catch (IOException | RuntimeException e) {
            // The reader reads the header as it is made; a failure there leaves it unlisted.
            try {
              in.close();
            } catch (IOException closing) {
              e.addSuppressed(closing);
            }
            throw e;
          }
        }
        return merger.merge(trial.id(), readers);
      } catch (ReadFailure e) {
        throw e;
      } catch (IOException e) {
        // Only the streams raise IOException while reading, as ReadFailure; anything else is a bug.
        throw new UncheckedIOException("Cannot read trial " + trial.id(), e);
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
