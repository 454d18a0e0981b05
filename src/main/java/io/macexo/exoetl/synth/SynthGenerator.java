package io.macexo.exoetl.synth;

import io.macexo.exoetl.model.ReasonCode;
import io.macexo.exoetl.model.TrialId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Generates a synthetic Phase1 tree (see PHASE1.md): participant folders of trial folders of 15 CSV
 * files each, with the real release's quirks, and with {@code --defects} one broken trial per
 * reason code.
 *
 * <p>How: {@link SynthPlanner} fixes every trial up front without I/O; then one task per trial runs
 * on a pool of one thread per available processor, each writing its own folder through a
 * hand-rolled number formatter ({@link CsvSink}). Every byte depends on the seed only, so a seed
 * always gives the same tree (on one JDK: the exo time text comes from {@link Double#toString},
 * whose digit choice changed in JDK 19). Runs in the JVM of the CLI or a test, no Spark.
 */
public final class SynthGenerator {
  private SynthGenerator() {}

  /**
   * Writes the tree into {@code options.output()}, which must be absent or empty: mixing two runs
   * in one folder would leave trials of the older run that no result lists.
   */
  public static SynthResult generate(SynthOptions options) throws IOException {
    List<TrialPlan> plans = SynthPlanner.plan(options);
    Path root = options.output();
    requireEmptyOrAbsent(root);
    Files.createDirectories(root);
    FileTally tally = StrayFiles.write(root).plus(writeTrials(root, plans));
    Set<String> participants = new LinkedHashSet<>();
    Map<TrialId, ReasonCode> intendedRejects = new HashMap<>();
    for (TrialPlan plan : plans) {
      participants.add(plan.participant());
      plan.defect().ifPresent(defect -> intendedRejects.put(plan.id(), defect.reasonCode()));
    }
    return new SynthResult(
        root, participants.size(), plans.size(), tally.files(), tally.bytes(), intendedRejects);
  }

  private static FileTally writeTrials(Path root, List<TrialPlan> plans) throws IOException {
    ExecutorService pool =
        Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), workerThreads());
    try {
      List<Future<FileTally>> pending = new ArrayList<>();
      for (TrialPlan plan : plans) {
        pending.add(pool.submit(() -> TrialWriter.write(root, plan)));
      }
      FileTally tally = FileTally.NONE;
      for (int index = 0; index < plans.size(); index++) {
        tally = tally.plus(await(pending.get(index), plans.get(index)));
      }
      return tally;
    } finally {
      pool.shutdownNow();
    }
  }

  private static FileTally await(Future<FileTally> pending, TrialPlan plan) throws IOException {
    try {
      return pending.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Cannot write trial " + plan.id() + ": interrupted", e);
    } catch (ExecutionException e) {
      throw new IOException(
          "Cannot write trial " + plan.id() + ": " + e.getCause().getMessage(), e.getCause());
    }
  }

  private static void requireEmptyOrAbsent(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    if (!Files.isDirectory(root)) {
      throw new IOException("Cannot generate into " + root + ": it is a file, not a folder");
    }
    try (Stream<Path> entries = Files.list(root)) {
      if (entries.findAny().isPresent()) {
        throw new IOException(
            "Cannot generate into " + root + ": the folder is not empty (choose a new one)");
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Named daemon threads: a thread dump says what they are, and they never keep the JVM alive. */
  private static ThreadFactory workerThreads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "synth-writer-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
