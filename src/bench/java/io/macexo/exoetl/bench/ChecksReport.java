package io.macexo.exoetl.bench;

import java.util.ArrayList;
import java.util.List;

/** The optional parts of the report: the discovery (driver planning) check and linearity. */
final class ChecksReport {
  private static final double MEGABYTE = 1e6;

  private ChecksReport() {}

  static List<String> discovery(DiscoveryCheck.Result result) {
    boolean fast = result.discoverySeconds() <= DiscoveryCheck.SECONDS_BUDGET;
    return List.of(
        "",
        BenchReport.format(
            "Driver planning budget (under %s of heap and a few seconds, taken as %.0f s): heap"
                + " met (it ran under -Xmx%s), time %s.",
            DiscoveryCheck.HEAP_LIMIT,
            DiscoveryCheck.SECONDS_BUDGET,
            DiscoveryCheck.HEAP_LIMIT,
            fast ? "met" : "**not met**"),
        "",
        BenchReport.format(
            "Discovery (driver planning) on %d trials x 15 files (%d header-only files), in a JVM"
                + " with -Xmx%s: %.2f s for TrialDiscovery (%.2f s more to start Hadoop's local"
                + " file system; %.1f s for the whole process), heap peak %.0f MB, %.1f MB"
                + " retained by the result (heap after a full GC, minus the same before), peak RSS %.0f MB.",
            result.readable(),
            result.files(),
            DiscoveryCheck.HEAP_LIMIT,
            result.discoverySeconds(),
            result.fileSystemSeconds(),
            result.processSeconds(),
            result.heapPeakBytes() / MEGABYTE,
            result.retainedBytes() / MEGABYTE,
            result.peakResidentBytes() / MEGABYTE));
  }

  static List<String> linearity(BenchResults results) {
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add(
        "Linearity of prepare (median of the runs at each size; the main corpus's median for"
            + " comparison). Marginal: the extra wall time per extra GB since the size above,"
            + " which leaves out the fixed start and finish costs:");
    lines.add("");
    lines.add(
        "| input | trials | prepare wall (s) | own time (s) | s per GB | marginal s per GB |");
    lines.add("|---|---:|---:|---:|---:|---:|");
    List<LinearityCheck.Point> points = new ArrayList<>(results.linearity());
    List<RunRecord> prepare = results.runsOf("prepare");
    points.add(
        new LinearityCheck.Point(
            "main corpus",
            results.corpus().inputBytes(),
            results.corpus().trials(),
            Statistics.median(prepare, RunRecord::wallSeconds),
            Statistics.median(prepare, RunRecord::innerSeconds)));
    points.sort(java.util.Comparator.comparingLong(LinearityCheck.Point::bytes));
    List<Double> marginals = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      LinearityCheck.Point point = points.get(i);
      double marginal = Double.NaN;
      if (i > 0) {
        LinearityCheck.Point previous = points.get(i - 1);
        marginal =
            (point.wallSeconds() - previous.wallSeconds())
                / ((point.bytes() - previous.bytes()) / 1e9);
        marginals.add(marginal);
      }
      lines.add(
          BenchReport.format(
              "| %s (%s) | %d | %.1f | %.1f | %.1f | %s |",
              point.label(),
              BenchReport.megabytes(point.bytes()),
              point.trials(),
              point.wallSeconds(),
              point.innerSeconds(),
              secondsPerGigabyte(point),
              Double.isNaN(marginal) ? "" : BenchReport.format("%.1f", marginal)));
    }
    if (points.size() >= 2) {
      LinearityCheck.Point smallest = points.get(0);
      LinearityCheck.Point largest = points.get(points.size() - 1);
      lines.add("");
      lines.add(
          BenchReport.format(
              "Seconds per GB, smallest against largest input: %.1f against %.1f (%+.0f %%).",
              secondsPerGigabyte(smallest),
              secondsPerGigabyte(largest),
              100 * (secondsPerGigabyte(smallest) / secondsPerGigabyte(largest) - 1)));
    }
    if (marginals.size() >= 2) {
      double first = marginals.get(0);
      double last = marginals.get(marginals.size() - 1);
      lines.add(
          BenchReport.format(
              "Marginal seconds per GB, first step against last: %.1f against %.1f (%+.0f %%).",
              first, last, 100 * (first / last - 1)));
    }
    return lines;
  }

  private static double secondsPerGigabyte(LinearityCheck.Point point) {
    return point.wallSeconds() / (point.bytes() / 1e9);
  }
}
