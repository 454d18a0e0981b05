package io.macexo.exoetl.bench;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** Medians and lists over runs, for the report. NaN values (not reported) are left out. */
final class Statistics {
  private Statistics() {}

  static double median(List<RunRecord> runs, ToDoubleFunction<RunRecord> value) {
    double[] values =
        runs.stream().mapToDouble(value).filter(number -> !Double.isNaN(number)).sorted().toArray();
    if (values.length == 0) {
      return Double.NaN;
    }
    int middle = values.length / 2;
    return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
  }

  static double maximum(List<RunRecord> runs, ToDoubleFunction<RunRecord> value) {
    return runs.stream().mapToDouble(value).filter(number -> !Double.isNaN(number)).max().orElse(0);
  }

  /** The values in run order, e.g. {@code 12.1, 11.8, 12.4}. */
  static String list(List<RunRecord> runs, ToDoubleFunction<RunRecord> value) {
    return runs.stream()
        .map(run -> String.format(Locale.ROOT, "%.1f", value.applyAsDouble(run)))
        .collect(Collectors.joining(", "));
  }
}
