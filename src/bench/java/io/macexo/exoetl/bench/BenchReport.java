package io.macexo.exoetl.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns {@link BenchResults} into a dated Markdown section: machine, corpus, the table of medians
 * with throughput and memory, the ratios, the equivalence check, and the optional discovery,
 * linearity and profile parts. The same text is printed and appended to docs/performance.md.
 * Megabytes are 10^6 bytes.
 */
final class BenchReport {
  private static final double MEGABYTE = 1e6;
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private static final String FILE_HEADER =
      """
      # Performance

      Sections below are appended by `bin/exo-etl bench` (see `bin/exo-etl bench --help`), newest
      last; analysis written by hand is marked as such. Megabytes are 10^6 bytes. "MB/s per core" is
      the corpus's CSV bytes over the median wall time, divided by the cores the contender may use;
      "MB per CPU-second" divides by the process's CPU time (user + system) instead, which a busy
      neighbour on a shared machine does not stretch.
      """;

  private BenchReport() {}

  /** Appends the section to the report file, creating it with a short header if absent. */
  static void append(Path report, String section) throws IOException {
    if (report.toAbsolutePath().getParent() != null) {
      Files.createDirectories(report.toAbsolutePath().getParent());
    }
    if (!Files.exists(report)) {
      Files.writeString(report, FILE_HEADER, StandardCharsets.UTF_8);
    }
    Files.writeString(report, "\n" + section, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }

  static String markdown(BenchResults results) {
    List<String> lines = new ArrayList<>();
    lines.add("## Benchmark " + DATE.format(results.started()));
    lines.add("");
    lines.addAll(setting(results));
    lines.add("");
    lines.addAll(table(results));
    lines.add("");
    lines.addAll(ratios(results));
    lines.add("");
    lines.addAll(memory(results));
    lines.add("");
    lines.addAll(equivalence(results));
    results.discovery().ifPresent(discovery -> lines.addAll(ChecksReport.discovery(discovery)));
    if (!results.linearity().isEmpty()) {
      lines.addAll(ChecksReport.linearity(results));
    }
    results.profile().ifPresent(profile -> lines.addAll(ProfileReport.markdown(profile)));
    if (!results.notes().isEmpty()) {
      lines.add("");
      lines.add("Notes:");
      results.notes().forEach(note -> lines.add("- " + note));
    }
    lines.add("");
    return String.join("\n", lines);
  }

  private static List<String> setting(BenchResults results) {
    MachineDescription machine = results.machine();
    BenchResults.Corpus corpus = results.corpus();
    CorpusShape shape = results.options().corpusShape();
    List<String> lines = new ArrayList<>();
    lines.add(
        format(
            "- Machine: %d cores (%s), %.1f GiB RAM, %s; %s; Spark %s, DuckDB %s. Load average"
                + " at start %s (a shared machine: other jobs ran alongside).",
            machine.cores(),
            machine.cpuModel(),
            machine.memoryBytes() / (double) (1L << 30),
            machine.operatingSystem(),
            machine.java(),
            machine.spark(),
            machine.duckDb(),
            machine.loadAverage()));
    lines.add(
        format(
            "- Corpus: `%s`, `synth` with %d participants x %d trials, scale %s, seed 42, no"
                + " defects: %d trials, %s in the %d read files (%s with the twelve unread kinds)"
                + "%s.",
            corpus.tree(),
            shape.participants().size(),
            shape.trialsPerParticipant(),
            shape.scale(),
            corpus.trials(),
            megabytes(corpus.inputBytes()),
            corpus.readFiles(),
            megabytes(corpus.treeBytes()),
            corpus.generated()
                ? format("; generated in %.0f s", corpus.generationSeconds())
                : "; reused"));
    lines.add(
        format(
            "- Every contender may use %d threads; %d runs each, alternating, the order rotated"
                + " each round; the page cache was warmed by one unmeasured read, and prepare"
                + " ran once unmeasured (its first run after a build records the launcher's"
                + " class-data archive). Whole run: %.0f min.",
            results.options().threads(),
            results.options().runs(),
            results.elapsed().toSeconds() / 60.0));
    lines.add("- Contenders:");
    results
        .descriptions()
        .forEach((name, description) -> lines.add("  - `" + name + "`: " + description));
    return lines;
  }

  /**
   * The medians of one contender on the whole corpus. pandas reads a subset: its start-up (wall or
   * CPU minus its own loop time) is counted once and its loop time is scaled by bytes.
   */
  record Figures(
      String contender, boolean extrapolated, int cores, double wall, double cpu, double own) {
    static Figures of(BenchResults results, String contender) {
      List<RunRecord> runs = results.runsOf(contender);
      double wall = Statistics.median(runs, RunRecord::wallSeconds);
      double cpu = Statistics.median(runs, RunRecord::cpuSeconds);
      double own = Statistics.median(runs, RunRecord::innerSeconds);
      if (!contender.equals("pandas")) {
        return new Figures(contender, false, results.options().threads(), wall, cpu, own);
      }
      double factor = (double) results.corpus().inputBytes() / runs.get(0).bytesRead();
      return new Figures(
          contender, true, 1, wall - own + own * factor, cpu - own + own * factor, own * factor);
    }

    double megabytesPerSecond(long bytes) {
      return bytes / MEGABYTE / wall;
    }

    double megabytesPerCpuSecond(long bytes) {
      return bytes / MEGABYTE / cpu;
    }
  }

  private static List<String> table(BenchResults results) {
    List<String> lines = new ArrayList<>();
    lines.add(
        "| contender | median wall (s) | median CPU (s) | median own time (s) | runs, wall (s) |"
            + " MB/s | MB/s per core | MB per CPU-second | peak RSS (MB) | JVM heap peak (MB) |"
            + " Parquet out (MB) |");
    lines.add("|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|");
    long bytes = results.corpus().inputBytes();
    for (String contender : results.descriptions().keySet()) {
      List<RunRecord> runs = results.runsOf(contender);
      if (runs.isEmpty()) {
        continue;
      }
      Figures figures = Figures.of(results, contender);
      lines.add(
          format(
              "| %s | %.1f | %.1f | %.1f | %s | %.1f | %.1f | %.1f | %.0f | %s | %s |",
              figures.extrapolated() ? contender + " (extrapolated from a subset)" : contender,
              figures.wall(),
              figures.cpu(),
              figures.own(),
              Statistics.list(runs, RunRecord::wallSeconds),
              figures.megabytesPerSecond(bytes),
              figures.megabytesPerSecond(bytes) / figures.cores(),
              figures.megabytesPerCpuSecond(bytes),
              Statistics.maximum(runs, RunRecord::peakResidentBytes) / MEGABYTE,
              figures.extrapolated()
                  ? "n/a"
                  : format("%.0f", Statistics.maximum(runs, RunRecord::heapPeakBytes) / MEGABYTE),
              runs.get(0).outputBytes() == 0
                  ? "none"
                  : format("%.1f", runs.get(runs.size() - 1).outputBytes() / MEGABYTE)));
    }
    return lines;
  }

  private static List<String> ratios(BenchResults results) {
    Figures prepare = Figures.of(results, "prepare");
    List<String> parts = new ArrayList<>();
    for (String contender : results.descriptions().keySet()) {
      if (contender.equals("prepare") || results.runsOf(contender).isEmpty()) {
        continue;
      }
      Figures other = Figures.of(results, contender);
      parts.add(
          format(
              "prepare/%s **%.2fx** wall, %.2fx CPU%s",
              contender,
              prepare.wall() / other.wall(),
              prepare.cpu() / other.cpu(),
              other.extrapolated() ? " (extrapolated)" : ""));
    }
    return List.of(
        "Ratios of medians (above 1: prepare is slower): " + String.join("; ", parts) + ".");
  }

  private static List<String> memory(BenchResults results) {
    List<RunRecord> prepare = results.runsOf("prepare");
    List<String> lines = new ArrayList<>();
    lines.add(
        format(
            "Memory: prepare runs Spark in local mode, so the driver and the executors are one JVM"
                + " and have one figure: peak RSS %.0f MB (VmHWM, largest of the runs), JVM heap"
                + " peak %.0f MB (largest heap occupancy before a collection in its GC log); the"
                + " heap limit is the JVM default, a quarter of RAM (set EXO_ETL_HEAP to change it)."
                + " DuckDB's RSS includes its native buffers; its JVM heap holds next to nothing.",
            Statistics.maximum(prepare, RunRecord::peakResidentBytes) / MEGABYTE,
            Statistics.maximum(prepare, RunRecord::heapPeakBytes) / MEGABYTE));
    results
        .pandas()
        .ifPresent(
            subset ->
                lines.add(
                    format(
                        "pandas read %d trials (%s) and its RSS was measured on that subset; it"
                            + " keeps every trial as Python lists (about 32 bytes a value), so its"
                            + " memory grows with the corpus, roughly %.0fx for the whole corpus.",
                        subset.trials(),
                        megabytes(subset.bytes()),
                        (double) results.corpus().inputBytes() / subset.bytes())));
    return lines;
  }

  private static List<String> equivalence(BenchResults results) {
    OutputEquivalence.Comparison comparison = results.equivalence();
    return List.of(
        format(
            "Same output: prepare and DuckDB wrote the same %d trials and %d samples (checked by"
                + " reading both with DuckDB: trials, sequence lengths, masses, array shapes);"
                + " %d of %d trials have identical arrays, the largest relative difference"
                + " elsewhere is %.1e (tolerance %.0e). The DuckDB peer made %d read_csv calls (one"
                + " per distinct header line over the three file kinds).",
            comparison.leftTrials(),
            comparison.leftSamples(),
            comparison.identicalTrials(),
            comparison.leftTrials(),
            comparison.largestDifference(),
            OutputEquivalence.TOLERANCE,
            results.duckDbReadCsvCalls()));
  }

  static String megabytes(long bytes) {
    return format("%,.1f MB", bytes / MEGABYTE);
  }

  static String format(String pattern, Object... values) {
    return String.format(Locale.ROOT, pattern, values);
  }
}
