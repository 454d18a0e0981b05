package io.macexo.exoetl.report;

import io.macexo.exoetl.model.IncrementalPlan;
import io.macexo.exoetl.model.PrepareResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The top of the report: what ran (run id, input, output, start), the totals as large numbers, and
 * the Spark settings. Values of settings whose key names a secret (S3 keys, tokens, passwords) are
 * replaced, because the report is published next to the data on the Hub.
 */
final class SummarySection {
  static final String ID = "totals";
  static final String REDACTED = "(redacted)";
  private static final Pattern SECRET_KEY =
      Pattern.compile(
          "(?i).*(secret|password|passwd|token|credential|access\\.key|session\\.key|signature).*");

  /** The settings that decide speed and memory, shown before the full list. */
  static final List<String> KEY_SETTINGS =
      List.of(
          "spark.master",
          "spark.app.name",
          "spark.driver.memory",
          "spark.executor.memory",
          "spark.executor.memoryOverhead",
          "spark.executor.cores",
          "spark.executor.instances",
          "spark.default.parallelism",
          "spark.sql.shuffle.partitions",
          "spark.sql.adaptive.enabled");

  private SummarySection() {}

  static String header(PrepareResult result) {
    return "<header><h1>exo-etl run report</h1><dl class=\"run\">"
        + item("run", result.runId())
        + item("started", result.started().toString())
        + item("input", result.input())
        + item("output", result.output())
        + "</dl></header>\n";
  }

  static String render(PrepareResult result, Map<String, String> sparkSettings) {
    int rejected = result.trialsFound() - result.trialsWritten();
    String cards =
        "<div class=\"cards\">"
            + card("trials found", Formats.count(result.trialsFound()), "")
            + card("trials written", Formats.count(result.trialsWritten()), "")
            + card("trials rejected", Formats.count(rejected), rejected > 0 ? "bad" : "")
            + card("participants", Formats.count(result.participants().size()), "")
            + card("CSV read this run", Formats.bytes(result.inputBytes()), "")
            + card("Parquet written", Formats.bytes(result.outputBytes()), "")
            + card("wall time", Formats.duration(result.wallTime()), "")
            + "</div>";
    return Html.section(ID, "Totals", planNote(result) + cards + sparkTable(sparkSettings));
  }

  /** What an incremental run did with the participants; counts cover the whole output. */
  private static String planNote(PrepareResult result) {
    IncrementalPlan plan = result.plan();
    if (plan == null) {
      return "";
    }
    String text =
        result.nothingToDo()
            ? "Nothing to do: the output already matched the input."
            : "Participants this run: %d new, %d changed, %d unchanged, %d removed, %d kept."
                .formatted(
                    plan.with(IncrementalPlan.Change.NEW).size(),
                    plan.with(IncrementalPlan.Change.CHANGED).size(),
                    plan.with(IncrementalPlan.Change.UNCHANGED).size(),
                    plan.removed().size(),
                    plan.kept().size());
    if (!plan.kept().isEmpty()) {
      text +=
          " Kept, though gone from the input (--prune removes them): "
              + String.join(", ", plan.kept())
              + ".";
    }
    return Html.paragraph(
        text + " Trial counts cover the whole output; CSV read and wall time are this run's.");
  }

  /** The value shown for a setting: itself, or {@link #REDACTED} when the key names a secret. */
  static String shownValue(String key, String value) {
    return SECRET_KEY.matcher(key).matches() ? REDACTED : value;
  }

  private static String sparkTable(Map<String, String> settings) {
    String title = Html.text("h3", "Spark settings");
    if (settings.isEmpty()) {
      return title + Html.note("Spark settings not recorded.");
    }
    Map<String, String> key = new LinkedHashMap<>();
    KEY_SETTINGS.stream()
        .filter(settings::containsKey)
        .forEach(name -> key.put(name, settings.get(name)));
    // Spark's own entries (JVM flags, ports, ids) are long and rarely matter: all of them fold
    // away.
    String all =
        "<details><summary>all "
            + settings.size()
            + " settings</summary>"
            + settingsTable(settings)
            + "</details>";
    return title + (key.isEmpty() ? "" : settingsTable(key)) + all;
  }

  private static String settingsTable(Map<String, String> settings) {
    List<List<String>> rows = new ArrayList<>();
    settings.forEach(
        (name, value) ->
            rows.add(
                List.of(
                    "<code>" + Html.escape(name) + "</code>",
                    "<code>" + Html.escape(shownValue(name, value)) + "</code>")));
    return Html.table("settings", List.of("setting", "value"), rows);
  }

  private static String card(String label, String value, String cssClass) {
    return "<div class=\"card "
        + cssClass
        + "\"><div class=\"value\">"
        + Html.escape(value)
        + "</div><div class=\"label\">"
        + Html.escape(label)
        + "</div></div>";
  }

  private static String item(String term, String definition) {
    return Html.text("dt", term) + "<dd><code>" + Html.escape(definition) + "</code></dd>";
  }
}
