package io.macexo.exoetl.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.model.Moments;
import io.macexo.exoetl.model.TrialId;
import io.macexo.exoetl.model.TrialStats;
import io.macexo.exoetl.stats.FeatureAggregation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * stats.json against the data: each feature's count, NaN count and mean (to 1e-6 relative). The
 * data's statistics come from one Spark aggregation ({@code stats/FeatureAggregation}), collected
 * per trial and merged on the driver. When the data was read whole ({@link Coverage}) the overall
 * statistics are compared; when some participants' files were left out, each other participant's
 * own statistics ({@code participants.<P>.features}) instead, since the overall ones cannot match.
 */
final class StatsAudit {
  /** Relative tolerance of the means: the data's are summed in another order than prepare's. */
  private static final double TOLERANCE = 1e-6;

  private StatsAudit() {}

  static List<Problem> check(
      JsonNode stats, Dataset<Row> data, EtlConfig config, Coverage coverage) {
    if (!coverage.attributable()) {
      return List.of();
    }
    Map<String, TrialStats> byParticipant = new TreeMap<>();
    for (Map.Entry<TrialId, TrialStats> trial :
        FeatureAggregation.perTrial(data, config.selection()).entrySet()) {
      byParticipant.merge(trial.getKey().participant(), trial.getValue(), TrialStats::merge);
    }
    if (coverage.whole()) {
      TrialStats total = TrialStats.empty(0);
      for (TrialStats participant : byParticipant.values()) {
        total = total.merge(participant);
      }
      return compare(stats.path("features"), total, "");
    }
    TreeSet<String> participants = new TreeSet<>(byParticipant.keySet());
    stats.path("participants").fieldNames().forEachRemaining(participants::add);
    List<Problem> problems = new ArrayList<>();
    for (String participant : participants) {
      if (coverage.covers(participant)) {
        problems.addAll(
            compare(
                stats.path("participants").path(participant).path("features"),
                byParticipant.getOrDefault(participant, TrialStats.empty(0)),
                "participants." + participant + "."));
      }
    }
    return problems;
  }

  /**
   * One list of features against the data's; {@code prefix} goes before each feature's name (and
   * before {@code features} when the lists differ in length).
   */
  private static List<Problem> compare(JsonNode features, TrialStats actual, String prefix) {
    if (features.size() != actual.features().size()) {
      return List.of(
          AuditMessages.featureCount(
              prefix + "features", features.size(), actual.features().size()));
    }
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < features.size(); i++) {
      JsonNode listed = features.get(i);
      Moments moments = actual.features().get(i);
      if (!agree(listed, moments)) {
        problems.add(
            AuditMessages.featureStats(
                prefix + listed.path("name").asText(),
                listed,
                moments.count(),
                moments.nanCount(),
                moments.mean()));
      }
    }
    return problems;
  }

  private static boolean agree(JsonNode listed, Moments actual) {
    boolean countsMatch =
        listed.path("count").asLong() == actual.count()
            && listed.path("nan_count").asLong() == actual.nanCount();
    return countsMatch
        && (actual.count() == 0
            || Math.abs(listed.path("mean").asDouble() - actual.mean())
                <= TOLERANCE * Math.max(1, Math.abs(actual.mean())));
  }
}
