package io.macexo.exoetl.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.macexo.exoetl.model.PrepareResult;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything the run report shows, gathered by the caller after a prepare run. Only summaries: the
 * run outcome, the settings, the parsed statistics and one example trial.
 *
 * @param result the run outcome (totals, per-trial summaries with reject sentences and lengths)
 * @param samplingRateHz samples per second of the data, to show lengths in seconds
 * @param sparkSettings Spark settings of the run, e.g. {@code spark.master}; secrets are redacted
 *     in the page by key name, but callers should still pass only what a reader may see
 * @param stats the parsed {@code stats.json}, or null when the run made none
 * @param example one trial to plot, or null
 */
public record ReportInputs(
    PrepareResult result,
    int samplingRateHz,
    Map<String, String> sparkSettings,
    JsonNode stats,
    ExampleTrial example) {
  public ReportInputs {
    if (result == null) {
      throw new IllegalArgumentException("result is required");
    }
    if (samplingRateHz <= 0) {
      throw new IllegalArgumentException("samplingRateHz must be positive, not " + samplingRateHz);
    }
    sparkSettings =
        sparkSettings == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new TreeMap<>(sparkSettings));
  }

  /** The statistics, if the run made them. */
  public Optional<JsonNode> statsIfPresent() {
    return stats == null || stats.isMissingNode() || stats.isNull()
        ? Optional.empty()
        : Optional.of(stats);
  }

  /** The example trial, if one was read. */
  public Optional<ExampleTrial> exampleIfPresent() {
    return Optional.ofNullable(example);
  }
}
