package io.macexo.exoetl.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one bench run measured, for {@link BenchReport}.
 *
 * @param descriptions each contender's name and one-sentence description, in table order
 * @param runs every timed run, in the order they ran
 * @param duckDbReadCsvCalls distinct header groups the DuckDB peer read (one read_csv each)
 * @param pandas the subset pandas read; empty when it was skipped (see notes)
 * @param notes skipped parts and caveats, one sentence each
 */
record BenchResults(
    Instant started,
    Duration elapsed,
    MachineDescription machine,
    BenchOptions options,
    Corpus corpus,
    Map<String, String> descriptions,
    List<RunRecord> runs,
    OutputEquivalence.Comparison equivalence,
    int duckDbReadCsvCalls,
    Optional<PandasSubset> pandas,
    Optional<Profile> profile,
    Optional<DiscoveryCheck.Result> discovery,
    List<LinearityCheck.Point> linearity,
    List<String> notes) {
  BenchResults {
    descriptions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(descriptions));
    runs = List.copyOf(runs);
    linearity = List.copyOf(linearity);
    notes = List.copyOf(notes);
  }

  /**
   * The corpus timed.
   *
   * @param inputBytes bytes of the three read files of every trial
   * @param treeBytes bytes of every file of the tree, the twelve unread kinds included
   */
  record Corpus(
      Path tree,
      int trials,
      int readFiles,
      long inputBytes,
      long treeBytes,
      boolean generated,
      double generationSeconds) {}

  /** The trials the pandas baseline read and their bytes. */
  record PandasSubset(int trials, long bytes) {}

  /** The profiled prepare run: its measurement, the JFR summary and the Spark stages. */
  record Profile(
      RunRecord run, JfrProfile.Summary flightRecording, SparkEventLog.Summary stages, Path file) {}

  /** The timed runs of one contender. */
  List<RunRecord> runsOf(String contender) {
    return runs.stream().filter(run -> run.contender().equals(contender)).toList();
  }
}
