package io.macexo.exoetl.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The per-feature distributions from {@code stats.json}: one table per kind of feature (accel,
 * gyro, angle, moment) with count, NaN share, mean, std, min, max, a range glyph on an axis shared
 * by the kind, and the flags of {@link FeatureLimits}; then the per-participant features that are
 * flagged, since a single participant in the wrong unit hides in the pooled numbers.
 */
final class FeatureSection {
  static final String ID = "features";
  private static final int MAX_PARTICIPANT_FLAGS = 200;

  private FeatureSection() {}

  static String render(JsonNode stats) {
    if (stats == null || stats.isMissingNode() || stats.isNull()) {
      return Html.section(
          ID, "Feature distributions", Html.note("statistics not available (no stats.json)"));
    }
    List<FeatureStats> features = FeatureStats.listOf(stats.get("features"));
    if (features.isEmpty()) {
      return Html.section(
          ID, "Feature distributions", Html.note("statistics not available (no features)"));
    }
    StringBuilder body = new StringBuilder();
    long flagged = features.stream().filter(f -> !FeatureLimits.flags(f).isEmpty()).count();
    body.append(
        Html.paragraph(
            features.size()
                + " features over all written trials; "
                + flagged
                + " flagged. Glyph: whisker min\u2013max, box mean \u00b1 std, dot at the mean,"
                + " on an axis shared by the features of one kind."));
    byKind(features).forEach((kind, list) -> body.append(kindTable(kind, list)));
    body.append(participantFlags(stats.get("participants"), features));
    return Html.section(ID, "Feature distributions", body.toString());
  }

  private static Map<FeatureLimits.Kind, List<FeatureStats>> byKind(List<FeatureStats> features) {
    Map<FeatureLimits.Kind, List<FeatureStats>> byKind = new EnumMap<>(FeatureLimits.Kind.class);
    for (FeatureStats feature : features) {
      byKind.computeIfAbsent(FeatureLimits.kindOf(feature), k -> new ArrayList<>()).add(feature);
    }
    return byKind;
  }

  private static String kindTable(FeatureLimits.Kind kind, List<FeatureStats> features) {
    LinearScale scale = RangeGlyph.scaleFor(features);
    String unit = features.get(0).unit().isEmpty() ? kind.unit : features.get(0).unit();
    StringBuilder table = new StringBuilder();
    table.append(Html.text("h3", kind.title + (unit.isEmpty() ? "" : " (" + unit + ")")));
    table.append("<table class=\"features\"><thead><tr>");
    for (String header : List.of("feature", "count", "NaN", "mean", "std", "min", "max")) {
      table.append(Html.text("th", header));
    }
    table.append("<th>").append(RangeGlyph.axis(scale, unit)).append("</th><th>flags</th>");
    table.append("</tr></thead><tbody>");
    for (FeatureStats feature : features) {
      table.append(row(feature, scale));
    }
    return table.append("</tbody></table>").toString();
  }

  private static String row(FeatureStats feature, LinearScale scale) {
    List<FeatureLimits.Flag> flags = FeatureLimits.flags(feature);
    StringBuilder row = new StringBuilder(flags.isEmpty() ? "<tr>" : "<tr class=\"flagged\">");
    row.append("<td><code>").append(Html.escape(feature.name())).append("</code></td>");
    for (String cell :
        List.of(
            Formats.count(feature.count()),
            Formats.percent(feature.nanShare()),
            Formats.number(feature.mean()),
            Formats.number(feature.std()),
            Formats.number(feature.min()),
            Formats.number(feature.max()))) {
      row.append("<td class=\"num\">").append(Html.escape(cell)).append("</td>");
    }
    row.append("<td>").append(RangeGlyph.render(feature, scale, !flags.isEmpty())).append("</td>");
    row.append("<td>").append(Html.escape(FeatureLimits.describe(flags))).append("</td>");
    return row.append("</tr>").toString();
  }

  /**
   * Flags of single participants, leaving out what the pooled table already says about the same
   * feature (a NaN-heavy feature is NaN-heavy for everyone), so what is left is
   * participant-specific.
   */
  private static String participantFlags(JsonNode participants, List<FeatureStats> pooled) {
    if (participants == null || !participants.isObject()) {
      return "";
    }
    Map<String, Set<FeatureLimits.Category>> known = categoriesByFeature(pooled);
    List<List<String>> rows = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> entries = participants.fields();
    while (entries.hasNext() && rows.size() < MAX_PARTICIPANT_FLAGS) {
      Map.Entry<String, JsonNode> entry = entries.next();
      for (FeatureStats feature : FeatureStats.listOf(entry.getValue().get("features"))) {
        Set<FeatureLimits.Category> seen = known.getOrDefault(feature.name(), Set.of());
        List<FeatureLimits.Flag> flags =
            FeatureLimits.flags(feature).stream()
                .filter(f -> !seen.contains(f.category()))
                .toList();
        if (!flags.isEmpty()) {
          rows.add(
              List.of(
                  Html.escape(entry.getKey()),
                  "<code>" + Html.escape(feature.name()) + "</code>",
                  Html.escape(FeatureLimits.describe(flags))));
        }
      }
    }
    String title = Html.text("h3", "Flagged features per participant");
    if (rows.isEmpty()) {
      return title + Html.note("No participant has a flag beyond those of the pooled features.");
    }
    String note = Html.note("Flags already shown for the pooled feature above are not repeated.");
    return title + note + Html.table("rejects", List.of("participant", "feature", "flags"), rows);
  }

  private static Map<String, Set<FeatureLimits.Category>> categoriesByFeature(
      List<FeatureStats> features) {
    Map<String, Set<FeatureLimits.Category>> known = new HashMap<>();
    for (FeatureStats feature : features) {
      Set<FeatureLimits.Category> categories = EnumSet.noneOf(FeatureLimits.Category.class);
      FeatureLimits.flags(feature).forEach(flag -> categories.add(flag.category()));
      known.put(feature.name(), categories);
    }
    return known;
  }
}
