package io.macexo.exoetl.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.macexo.exoetl.audit.Problem.Check;
import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.model.Moments;
import io.macexo.exoetl.model.OutputColumns;
import io.macexo.exoetl.model.TrialId;
import io.macexo.exoetl.model.TrialStats;
import io.macexo.exoetl.stats.FeatureAggregation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** metadata.json and stats.json against the data they describe. */
final class MetadataAudit {
  private MetadataAudit() {}

  static List<Problem> metadata(JsonNode metadata, Dataset<Row> data) {
    List<Problem> problems = new ArrayList<>();
    long rows = data.count();
    long written = metadata.path("totals").path("trials_written").asLong(-1);
    if (written != rows) {
      problems.add(
          new Problem(
              Check.METADATA,
              "totals.trials_written",
              "says " + written + ", the data has " + rows + " trials"));
    }
    Map<String, Long> counts = new HashMap<>();
    for (Row row : data.groupBy(OutputColumns.PARTICIPANT).count().collectAsList()) {
      counts.put(row.getString(0), row.getLong(1));
    }
    Map<String, Long> listed = new HashMap<>();
    metadata
        .path("participants")
        .forEach(p -> listed.put(p.path("participant").asText(), p.path("trials").asLong()));
    if (!listed.equals(counts)) {
      problems.add(
          new Problem(
              Check.METADATA,
              "participants",
              "lists "
                  + new java.util.TreeMap<>(listed)
                  + ", the data has "
                  + new java.util.TreeMap<>(counts)));
    }
    return problems;
  }

  static List<Problem> stats(JsonNode stats, Dataset<Row> data, EtlConfig config) {
    List<Problem> problems = new ArrayList<>();
    Map<TrialId, TrialStats> perTrial = FeatureAggregation.perTrial(data, config.selection());
    TrialStats total = TrialStats.empty(0);
    for (TrialStats trial : perTrial.values()) {
      total = total.merge(trial);
    }
    JsonNode features = stats.path("features");
    if (features.size() != total.features().size()) {
      problems.add(
          new Problem(
              Check.STATS,
              "features",
              "lists " + features.size() + " features, the data has " + total.features().size()));
      return problems;
    }
    for (int i = 0; i < features.size(); i++) {
      JsonNode listed = features.get(i);
      Moments actual = total.features().get(i);
      boolean countsMatch =
          listed.path("count").asLong() == actual.count()
              && listed.path("nan_count").asLong() == actual.nanCount();
      boolean meanMatches =
          actual.count() == 0
              || Math.abs(listed.path("mean").asDouble() - actual.mean())
                  <= 1e-6 * Math.max(1, Math.abs(actual.mean()));
      if (!countsMatch || !meanMatches) {
        problems.add(
            new Problem(
                Check.STATS,
                listed.path("name").asText(),
                "stats.json says count "
                    + listed.path("count").asLong()
                    + ", NaN "
                    + listed.path("nan_count").asLong()
                    + ", mean "
                    + listed.path("mean").asDouble()
                    + "; the data has "
                    + actual.count()
                    + ", "
                    + actual.nanCount()
                    + ", "
                    + actual.mean()));
      }
    }
    return problems;
  }
}
