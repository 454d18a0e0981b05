package io.macexo.exoetl.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.flatten;

import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.config.FeatureSet;
import io.macexo.exoetl.model.OutputColumns;
import io.macexo.exoetl.model.TaskFamily;
import io.macexo.exoetl.model.TrialId;
import io.macexo.exoetl.pipeline.PrepareResult;
import io.macexo.exoetl.pipeline.TrialSummary;
import io.macexo.exoetl.write.OutputLayout;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Picks one written trial and reads its angles and moments back from the output for the report's
 * example plot. The read is one filtered Parquet scan of the trial's participant folder; only the
 * two matrix columns of one row reach the driver (at most about 1 MB). Runs on the driver after the
 * participant swap, as one small Spark job.
 */
public final class ExampleTrialReader {
  /**
   * The family preferred for the example: its cyclic signals show a glance whether data is sane.
   */
  static final String PREFERRED_FAMILY = "normal_walk";

  private ExampleTrialReader() {}

  /**
   * The written trial to plot: among {@code normal_walk} trials if there are any, else among all
   * written trials, the one whose length is nearest the median; ties go to the first by id.
   */
  public static Optional<TrialId> choose(PrepareResult result) {
    List<TrialSummary> written = result.trials().stream().filter(TrialSummary::written).toList();
    List<TrialSummary> preferred =
        written.stream()
            .filter(t -> TaskFamily.of(t.id().trial()).equals(PREFERRED_FAMILY))
            .toList();
    List<TrialSummary> candidates = preferred.isEmpty() ? written : preferred;
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    int[] lengths = candidates.stream().mapToInt(TrialSummary::sequenceLength).sorted().toArray();
    int median = TrialsSection.percentile(lengths, 0.5);
    return candidates.stream()
        .min(
            Comparator.<TrialSummary>comparingInt(t -> Math.abs(t.sequenceLength() - median))
                .thenComparing(TrialSummary::id))
        .map(TrialSummary::id);
  }

  /** Chooses a trial and reads it; empty when nothing was written. */
  public static Optional<ExampleTrial> read(
      SparkSession spark, OutputLayout layout, PrepareResult result, EtlConfig config) {
    return choose(result).map(id -> read(spark, layout, id, config));
  }

  /** Reads one trial's angle and moment matrices from {@code data/}. */
  public static ExampleTrial read(
      SparkSession spark, OutputLayout layout, TrialId id, EtlConfig config) {
    FeatureSet features = config.features();
    Row row =
        spark
            .read()
            // The participant's own folder: no partition discovery (whose participant would clash
            // with the files' participant column), and only that participant's files are opened.
            .parquet(layout.participant(id.participant()).toString())
            .where(col(OutputColumns.TRIAL_NAME).equalTo(id.trial()))
            .select(
                flatten(col(OutputColumns.ANGLE_FEATURES)),
                flatten(col(OutputColumns.MOMENT_TARGETS)))
            .first();
    return new ExampleTrial(
        id.participant(),
        id.trial(),
        config.samplingRateHz(),
        features.angle(),
        matrix(row.getList(0), features.angle().size()),
        features.moment(),
        matrix(row.getList(1), features.moment().size()));
  }

  /** A flattened row-major matrix back to seq × width. */
  static float[][] matrix(List<Object> flat, int width) {
    float[][] matrix = new float[flat.size() / width][width];
    for (int i = 0; i < matrix.length * width; i++) {
      Object value = flat.get(i);
      matrix[i / width][i % width] = value == null ? Float.NaN : ((Number) value).floatValue();
    }
    return matrix;
  }
}
