package io.macexo.exoetl.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One feature's summary from {@code stats.json}: {@code {"name", "group", "unit", "count",
 * "nan_count", "mean", "std", "min", "max"}}, as {@code stats.DatasetStats} writes it: {@code
 * count} is the number of real values and {@code nan_count} the NaN ones beside them, so the NaN
 * share is {@code nan_count / (count + nan_count)}. A missing or null number reads as NaN (shown as
 * a dash), so a partial file still renders.
 */
record FeatureStats(
    String name,
    String group,
    String unit,
    long count,
    long nanCount,
    double nanShare,
    double mean,
    double std,
    double min,
    double max) {

  /** The entries of a {@code features} array; an absent or non-array node gives none. */
  static List<FeatureStats> listOf(JsonNode features) {
    List<FeatureStats> out = new ArrayList<>();
    if (features != null && features.isArray()) {
      features.forEach(node -> out.add(of(node)));
    }
    return out;
  }

  static FeatureStats of(JsonNode node) {
    long count = node.path("count").asLong(0);
    long nanCount = node.path("nan_count").asLong(0);
    double share = count + nanCount > 0 ? nanCount / (double) (count + nanCount) : Double.NaN;
    return new FeatureStats(
        node.path("name").asText("?"),
        node.path("group").asText(""),
        node.path("unit").asText(""),
        count,
        nanCount,
        share,
        number(node, "mean"),
        number(node, "std"),
        number(node, "min"),
        number(node, "max"));
  }

  /** Whether any finite value was seen. */
  boolean hasValues() {
    return Double.isFinite(min) && Double.isFinite(max);
  }

  private static double number(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return Double.NaN;
    }
    // Writers that follow JSON strictly spell NaN and infinities as strings.
    return value.isNumber() ? value.asDouble() : parse(value.asText());
  }

  private static double parse(String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
