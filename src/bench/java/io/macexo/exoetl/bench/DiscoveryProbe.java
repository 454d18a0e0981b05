package io.macexo.exoetl.bench;

import io.macexo.exoetl.config.ConfigLoader;
import io.macexo.exoetl.discover.DiscoveredInput;
import io.macexo.exoetl.discover.TrialDiscovery;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * Times the job's driver-side planning step, {@link TrialDiscovery}, on a large tree and reads the
 * heap it needed: the sum of the heap pools' peak usage (what the JVM held at most, garbage
 * included) and the heap still used after a full collection with the result alive (what the result
 * itself retains). Meant for a child JVM with a fixed {@code -Xmx}, so the peaks are its own.
 */
final class DiscoveryProbe {
  private DiscoveryProbe() {}

  /** What discovery found and what it cost. */
  record Result(
      int readable,
      int rejected,
      double fileSystemSeconds,
      double discoverySeconds,
      long heapPeakBytes,
      long retainedBytes) {}

  static Result run(Path root) throws IOException {
    long started = System.nanoTime();
    FileSystem local = FileSystem.getLocal(new Configuration());
    long ready = System.nanoTime();
    System.gc();
    long before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    DiscoveredInput input =
        new TrialDiscovery(local, ConfigLoader.defaults())
            .discover(new org.apache.hadoop.fs.Path(root.toUri()), List.of());
    long done = System.nanoTime();
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.gc();
    long retained = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    Result result =
        new Result(
            input.readable().size(),
            input.rejects().size(),
            (ready - started) / 1e9,
            (done - ready) / 1e9,
            peak,
            Math.max(0, retained - before));
    java.lang.ref.Reference.reachabilityFence(input);
    return result;
  }
}
