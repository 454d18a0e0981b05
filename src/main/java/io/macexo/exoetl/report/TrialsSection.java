package io.macexo.exoetl.report;

import io.macexo.exoetl.model.PrepareResult;
import io.macexo.exoetl.model.TaskFamily;
import io.macexo.exoetl.model.TrialSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the trials are: written and rejected trials per participant (stacked bars), written trials
 * per task family, and the histogram of the written trials' sequence lengths, all from the run's
 * per-trial summaries.
 */
final class TrialsSection {
  static final String PARTICIPANTS_ID = "participants";
  static final String FAMILIES_ID = "families";
  static final String LENGTHS_ID = "lengths";
  private static final BarChart.Legend WRITTEN_REJECTED =
      new BarChart.Legend("written", Svg.WRITTEN, "rejected", Svg.REJECTED);

  private TrialsSection() {}

  static String participants(PrepareResult result) {
    Map<String, long[]> counts = new TreeMap<>();
    for (TrialSummary trial : result.trials()) {
      long[] pair = counts.computeIfAbsent(trial.id().participant(), p -> new long[2]);
      pair[trial.written() ? 0 : 1]++;
    }
    List<BarChart.Bar> bars = new ArrayList<>();
    counts.forEach(
        (participant, pair) -> bars.add(new BarChart.Bar(participant, pair[0], pair[1])));
    String body =
        bars.isEmpty()
            ? Html.note("No trials found.")
            : BarChart.render("trials per participant", bars, WRITTEN_REJECTED);
    return Html.section(PARTICIPANTS_ID, "Trials per participant", body);
  }

  static String families(PrepareResult result) {
    Map<String, long[]> counts = new TreeMap<>();
    for (TrialSummary trial : result.trials()) {
      long[] pair = counts.computeIfAbsent(TaskFamily.of(trial.id().trial()), f -> new long[2]);
      pair[trial.written() ? 0 : 1]++;
    }
    List<BarChart.Bar> bars = new ArrayList<>();
    counts.forEach((family, pair) -> bars.add(new BarChart.Bar(family, pair[0], pair[1])));
    String body =
        bars.isEmpty()
            ? Html.note("No trials found.")
            : BarChart.render("trials per task family", bars, WRITTEN_REJECTED);
    return Html.section(FAMILIES_ID, "Trials per task family", body);
  }

  static String lengths(PrepareResult result, int samplingRateHz) {
    int[] lengths =
        result.trials().stream()
            .filter(TrialSummary::written)
            .mapToInt(TrialSummary::sequenceLength)
            .sorted()
            .toArray();
    if (lengths.length == 0) {
      return Html.section(LENGTHS_ID, "Sequence lengths", Html.note("No trial was written."));
    }
    String summary =
        "%s written trials; samples: min %s, median %s, 90th percentile %s, max %s (%s to %s at %d Hz)."
            .formatted(
                Formats.count(lengths.length),
                Formats.count(lengths[0]),
                Formats.count(percentile(lengths, 0.5)),
                Formats.count(percentile(lengths, 0.9)),
                Formats.count(lengths[lengths.length - 1]),
                seconds(lengths[0], samplingRateHz),
                seconds(lengths[lengths.length - 1], samplingRateHz),
                samplingRateHz);
    String chart =
        Histogram.render(
            "sequence length histogram",
            Histogram.bin(lengths),
            "samples per trial (" + samplingRateHz + " Hz)");
    return Html.section(LENGTHS_ID, "Sequence lengths", Html.paragraph(summary) + chart);
  }

  /** Nearest-rank percentile of sorted values. */
  static int percentile(int[] sorted, double fraction) {
    int rank = (int) Math.ceil(fraction * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static String seconds(int samples, int rate) {
    return Formats.number(samples / (double) rate) + " s";
  }
}
