package io.macexo.exoetl.bench;

import java.util.ArrayList;
import java.util.List;

/** The profile part of the report: JFR buckets, hot methods, threads, GC and Spark's stages. */
final class ProfileReport {
  private static final double MEGABYTE = 1e6;
  private static final int METHODS_SHOWN = 20;

  private ProfileReport() {}

  static List<String> markdown(BenchResults.Profile profile) {
    JfrProfile.Summary jfr = profile.flightRecording();
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add("### Profile of one more prepare run (JFR settings=profile, Spark event log)");
    lines.add("");
    lines.add(
        BenchReport.format(
            "Wall %.1f s (JFR and the event log on; not one of the timed runs). Recording `%s`:"
                + " %d Java stack samples (one per running Java thread every 10 ms) and %d samples"
                + " of threads in native code. GC: %d collections, %.1f s of pauses, heap used"
                + " peak %.0f MB.",
            profile.run().wallSeconds(),
            profile.file(),
            jfr.executionSamples(),
            jfr.nativeSamples(),
            jfr.collections(),
            jfr.pauseSeconds(),
            jfr.heapUsedPeakBytes() / MEGABYTE));
    lines.add("");
    lines.add("Where the Java samples were (buckets and their precedence: see ProfileCategories):");
    lines.addAll(shares("bucket", jfr.categories()));
    lines.add("");
    lines.add("Hot methods (the running frame, all threads):");
    lines.addAll(shares("method", jfr.methods().stream().limit(METHODS_SHOWN).toList()));
    lines.add("");
    lines.add("Java samples by thread:");
    lines.addAll(shares("thread", jfr.threads()));
    if (!jfr.nativeCategories().isEmpty()) {
      lines.add("");
      lines.add("Threads in native code (file reads, zstd, sockets, waiting), by bucket:");
      lines.addAll(shares("bucket", jfr.nativeCategories()));
    }
    lines.addAll(stages(profile.stages()));
    return lines;
  }

  private static List<String> shares(String what, List<JfrProfile.Share> shares) {
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add("| " + what + " | samples | share |");
    lines.add("|---|---:|---:|");
    for (JfrProfile.Share share : shares) {
      lines.add(
          BenchReport.format(
              "| `%s` | %d | %.1f%% |", share.label(), share.samples(), share.percent()));
    }
    return lines;
  }

  private static List<String> stages(SparkEventLog.Summary summary) {
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add(
        BenchReport.format(
            "Spark stages (from the event log; task times are summed over tasks, so up to %s the"
                + " wall time on all cores). JVM heap peak from Spark's executor metrics: %.0f MB.",
            "cores x", summary.jvmHeapPeakBytes() / MEGABYTE));
    lines.add("");
    lines.add(
        "| stage | name | operators | tasks | wall (s) | task (s) | CPU (s) | GC (s) | shuffle write (MB) |"
            + " shuffle read (MB) | spill to disk (MB) | largest task peak execution memory (MB) |");
    lines.add("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (SparkEventLog.Stage stage : summary.stages()) {
      lines.add(
          BenchReport.format(
              "| %d | %s | %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |",
              stage.id(),
              stage.name(),
              stage.operators(),
              stage.tasks(),
              stage.wallSeconds(),
              stage.taskSeconds(),
              stage.cpuSeconds(),
              stage.gcSeconds(),
              stage.shuffleWriteBytes() / MEGABYTE,
              stage.shuffleReadBytes() / MEGABYTE,
              stage.spillBytes() / MEGABYTE,
              stage.peakExecutionMemoryBytes() / MEGABYTE));
    }
    return lines;
  }
}
