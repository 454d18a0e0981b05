package io.macexo.exoetl.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs the {@link ParseFloor} in a child JVM ({@link ContenderMain} {@code floor}) with the same
 * thread count as prepare, and checks that it saw every data line: the row count is the sum of the
 * three files' lines, which the equivalence check of the outputs confirms independently.
 */
final class FloorContender implements Contender {
  private final Path manifest;
  private final Path work;
  private final int threads;
  private final FloorScanner.Parser parser;
  private long rows;

  FloorContender(Path manifest, Path work, int threads, FloorScanner.Parser parser) {
    this.manifest = manifest;
    this.work = work;
    this.threads = threads;
    this.parser = parser;
  }

  @Override
  public String name() {
    return parser == FloorScanner.Parser.FAST_PATH ? "floor" : "floor-jdk";
  }

  @Override
  public String description() {
    return parser == FloorScanner.Parser.FAST_PATH
        ? "parse floor: plain Java, "
            + threads
            + " threads, one pass over every byte, time + selected columns parsed from bytes"
            + " (exact fast path), nothing written"
        : "the floor with a String and Double.parseDouble per selected field, as prepare parses";
  }

  /** Data lines of the three files of every trial seen by the last run. */
  long rows() {
    return rows;
  }

  @Override
  public RunRecord run(int round) throws IOException, InterruptedException {
    JavaChild.Outcome outcome =
        JavaChild.run(
            new JavaChild.Spec(
                "floor",
                List.of(
                    "manifest=" + manifest.toAbsolutePath(),
                    "threads=" + threads,
                    "parser=" + parser.name()),
                List.of()),
            work,
            name() + "-" + round);
    rows = Long.parseLong(outcome.result().getProperty("rows"));
    return new RunRecord(
        name(),
        round,
        outcome.process().wallSeconds(),
        Double.parseDouble(outcome.result().getProperty("seconds")),
        outcome.process().cpuSeconds(),
        outcome.process().peakResidentBytes(),
        outcome.heap().usedBytes(),
        Long.parseLong(outcome.result().getProperty("bytes")),
        0);
  }
}
