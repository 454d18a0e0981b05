package io.macexo.exoetl.stats;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.var_pop;
import static org.apache.spark.sql.functions.when;

import io.macexo.exoetl.model.FeatureGroup;
import io.macexo.exoetl.model.Moments;
import io.macexo.exoetl.model.OutputColumns;
import io.macexo.exoetl.model.Selection;
import io.macexo.exoetl.model.TrialId;
import io.macexo.exoetl.model.TrialStats;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Per-trial feature statistics of any output as a Spark aggregation, for {@code validate} (and the
 * tests' DataFrame oracle): every matrix is exploded to (feature, value) pairs and grouped by
 * (participant, trial_name, feature). NaN values are counted apart and left out of mean, variance,
 * min and max. The result is small (32 rows a trial) and is collected.
 */
public final class FeatureAggregation {
  private static final String FEATURE = "feature";
  private static final String VALUE = "value";

  private FeatureAggregation() {}

  /** Statistics per accepted trial; {@code trials} has the dataset columns. */
  public static Map<TrialId, TrialStats> perTrial(Dataset<Row> trials, Selection selection) {
    Dataset<Row> values = null;
    int offset = 0;
    for (FeatureGroup group : selection.groups()) {
      Dataset<Row> exploded = explode(trials, group.column(), offset);
      values = values == null ? exploded : values.union(exploded);
      offset += group.width();
    }
    Column number = when(not(isnan(col(VALUE))), col(VALUE));
    List<Row> rows =
        values
            .groupBy(OutputColumns.PARTICIPANT, OutputColumns.TRIAL_NAME, FEATURE)
            .agg(
                count(number),
                sum(when(isnan(col(VALUE)), 1).otherwise(0)),
                avg(number),
                var_pop(number),
                min(number),
                max(number))
            .collectAsList();
    Map<TrialId, Moments[]> byTrial = new HashMap<>();
    int width = -1;
    for (Row row : rows) {
      TrialId id = new TrialId(row.getString(0), row.getString(1));
      long n = row.getLong(3);
      Moments moments =
          n == 0
              ? new Moments(
                  0, row.getLong(4), 0, 0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)
              : new Moments(
                  n,
                  row.getLong(4),
                  row.getDouble(5),
                  row.getDouble(6) * n,
                  row.getDouble(7),
                  row.getDouble(8));
      byTrial
              .computeIfAbsent(id, k -> new Moments[Math.max(64, selection.featureCount())])[
              row.getInt(2)] =
          moments;
      width = Math.max(width, row.getInt(2) + 1);
    }
    Map<TrialId, TrialStats> result = new HashMap<>();
    for (Map.Entry<TrialId, Moments[]> entry : byTrial.entrySet()) {
      List<Moments> features = new ArrayList<>();
      for (int i = 0; i < width; i++) {
        // A damaged row narrower than the others has no value for some features.
        Moments moments = entry.getValue()[i];
        features.add(moments == null ? Moments.EMPTY : moments);
      }
      result.put(entry.getKey(), new TrialStats(features));
    }
    return result;
  }

  private static Dataset<Row> explode(Dataset<Row> trials, String matrix, int offset) {
    return trials
        .selectExpr(
            OutputColumns.PARTICIPANT,
            OutputColumns.TRIAL_NAME,
            "explode(" + matrix + ") as sample")
        .selectExpr(
            OutputColumns.PARTICIPANT,
            OutputColumns.TRIAL_NAME,
            "posexplode(sample) as (" + FEATURE + ", " + VALUE + ")")
        .withColumn(FEATURE, col(FEATURE).plus(lit(offset)))
        .withColumn(VALUE, col(VALUE).cast("double"));
  }
}
