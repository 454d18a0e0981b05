package io.macexo.exoetl.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs the {@link DuckDbPeer} in a child JVM ({@link ContenderMain} {@code duckdb}) so that its
 * memory, native DuckDB memory included, is measured apart from the bench's own. The output is
 * deleted before each run.
 */
final class DuckDbContender implements Contender {
  private final Path manifest;
  private final Path work;
  private final int threads;
  private final long inputBytes;
  private int readCsvCalls;

  DuckDbContender(Path manifest, Path work, int threads, long inputBytes) {
    this.manifest = manifest;
    this.work = work;
    this.threads = threads;
    this.inputBytes = inputBytes;
  }

  @Override
  public String name() {
    return "duckdb";
  }

  @Override
  public String description() {
    return "DuckDB (JDBC, in-memory, SET threads = "
        + threads
        + "): read_csv per distinct header, join on (trial, step), list(... ORDER BY step),"
        + " COPY to Parquet partitioned by participant";
  }

  /** The Parquet output of the last run. */
  Path output() {
    return work.resolve("duckdb-output");
  }

  @Override
  public RunRecord run(int round) throws IOException, InterruptedException {
    Folders.delete(output());
    Path temporary = work.resolve("duckdb-temporary");
    Folders.delete(temporary);
    JavaChild.Outcome outcome =
        JavaChild.run(
            new JavaChild.Spec(
                "duckdb",
                List.of(
                    "manifest=" + manifest.toAbsolutePath(),
                    "output=" + output().toAbsolutePath(),
                    "threads=" + threads,
                    "temporary=" + temporary.toAbsolutePath()),
                List.of()),
            work,
            "duckdb-" + round);
    readCsvCalls = Integer.parseInt(outcome.result().getProperty("readCsvCalls", "0"));
    return new RunRecord(
        name(),
        round,
        outcome.process().wallSeconds(),
        Double.parseDouble(outcome.result().getProperty("seconds")),
        outcome.process().cpuSeconds(),
        outcome.process().peakResidentBytes(),
        outcome.heap().usedBytes(),
        inputBytes,
        Folders.parquetSize(output()));
  }

  /** Distinct header groups the last run read, one read_csv each; 0 before the first run. */
  int readCsvCalls() {
    return readCsvCalls;
  }
}
