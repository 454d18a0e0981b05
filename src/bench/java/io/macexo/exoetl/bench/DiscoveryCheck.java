package io.macexo.exoetl.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The driver's planning check: {@link io.macexo.exoetl.discover.TrialDiscovery} on a tree as wide
 * as the real release ({@link DiscoveryTree}: 1,669 trials, 25,035 tiny files) in a child JVM
 * capped at {@value #HEAP_LIMIT} of heap. It passes when every trial is found readable; the time
 * and heap are recorded, not asserted (this machine is shared).
 */
final class DiscoveryCheck {
  static final String HEAP_LIMIT = "1g";

  /** "A few seconds": the time budget the report holds discovery to. */
  static final double SECONDS_BUDGET = 5;

  private DiscoveryCheck() {}

  /** What the check measured. */
  record Result(
      long files,
      int readable,
      double processSeconds,
      double fileSystemSeconds,
      double discoverySeconds,
      long heapPeakBytes,
      long retainedBytes,
      long peakResidentBytes) {}

  static Result run(Path work) throws IOException, InterruptedException {
    Path tree = work.resolve("discovery-tree");
    long files = DiscoveryTree.ensure(tree);
    JavaChild.Outcome outcome =
        JavaChild.run(
            new JavaChild.Spec(
                "discovery",
                List.of("root=" + tree.toAbsolutePath()),
                List.of("-Xmx" + HEAP_LIMIT)),
            work,
            "discovery");
    int readable = Integer.parseInt(outcome.result().getProperty("readable"));
    if (readable != DiscoveryTree.TRIALS) {
      throw new IllegalStateException(
          "Cannot pass the discovery check: "
              + readable
              + " of "
              + DiscoveryTree.TRIALS
              + " trials were found readable in "
              + tree);
    }
    return new Result(
        files,
        readable,
        outcome.process().wallSeconds(),
        Double.parseDouble(outcome.result().getProperty("fileSystemSeconds")),
        Double.parseDouble(outcome.result().getProperty("seconds")),
        Long.parseLong(outcome.result().getProperty("heapPeakBytes")),
        Long.parseLong(outcome.result().getProperty("retainedBytes")),
        outcome.process().peakResidentBytes());
  }
}
