package io.macexo.exoetl.bench;

import io.macexo.exoetl.model.Selection;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The parse floor: the least work any implementation of prepare must do, timed with the same number
 * of cores. Every byte of the three files of every trial is read once and only {@code time} and the
 * selected columns are parsed to doubles; nothing is joined, kept or written.
 *
 * <p>Plain Java on a fixed pool of {@code threads} workers, one task per file, largest first (so
 * the last task to finish is a small one), because a Spark job that only counts would add Spark's
 * task start-up, row objects and a driver to the floor, which is then no floor. {@link
 * FloorScanner.Parser#JDK} parses with a String and {@link Double#parseDouble} per field, as the
 * job does, to show what the number parser alone costs.
 */
public final class ParseFloor {
  private ParseFloor() {}

  /** What the floor did: files, data lines, values parsed, bytes read, checksum, wall time. */
  public record Result(
      int files, long rows, long values, long bytes, double checksum, double seconds) {}

  public static Result run(
      TrialManifest manifest, Selection features, int threads, FloorScanner.Parser parser)
      throws IOException, InterruptedException {
    List<FileJob> jobs = new ArrayList<>();
    for (ManifestEntry entry : manifest.entries()) {
      for (FileKind kind : FileKind.values()) {
        List<String> columns = new ArrayList<>();
        columns.add(features.timeColumn());
        columns.addAll(kind.columns(features));
        jobs.add(new FileJob(entry.file(kind), List.copyOf(columns), size(entry.file(kind))));
      }
    }
    jobs.sort(Comparator.comparingLong(FileJob::bytes).reversed());
    long started = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads, workerThreads());
    try {
      List<Future<FloorScanner.Tally>> pending = new ArrayList<>();
      for (FileJob job : jobs) {
        pending.add(pool.submit(() -> new FloorScanner(parser).scan(job.file(), job.columns())));
      }
      FloorScanner.Tally total = FloorScanner.Tally.NONE;
      for (int index = 0; index < jobs.size(); index++) {
        total = total.plus(await(pending.get(index), jobs.get(index).file()));
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      return new Result(
          jobs.size(), total.rows(), total.values(), total.bytes(), total.checksum(), seconds);
    } finally {
      pool.shutdownNow();
    }
  }

  private record FileJob(Path file, List<String> columns, long bytes) {}

  private static long size(Path file) throws IOException {
    return java.nio.file.Files.size(file);
  }

  private static FloorScanner.Tally await(Future<FloorScanner.Tally> pending, Path file)
      throws IOException, InterruptedException {
    try {
      return pending.get();
    } catch (ExecutionException e) {
      throw new IOException("Cannot scan " + file + ": " + e.getCause().getMessage(), e.getCause());
    }
  }

  /** Named daemon threads, so a thread dump says what they are. */
  private static java.util.concurrent.ThreadFactory workerThreads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "parse-floor-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
