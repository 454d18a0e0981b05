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
    lines.add("Linearity of prepare (one run per size; the main corpus's median for comparison):");
    lines.add("");
    lines.add("| input | trials | prepare wall (s) | own time (s) | s per GB |");
    lines.add("|---|---:|---:|---:|---:|");
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
    for (LinearityCheck.Point point : points) {
      lines.add(
          BenchReport.format(
              "| %s (%s) | %d | %.1f | %.1f | %.1f |",
              point.label(),
              BenchReport.megabytes(point.bytes()),
              point.trials(),
              point.wallSeconds(),
              point.innerSeconds(),
              point.wallSeconds() / (point.bytes() / 1e9)));
    }
    return lines;
  }
}
