package io.macexo.exoetl.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.macexo.exoetl.synth.SynthGenerator;
import io.macexo.exoetl.synth.SynthOptions;
import io.macexo.exoetl.testing.ChildProcess;
import io.macexo.exoetl.testing.LocalSpark;
import io.macexo.exoetl.testing.OutputSnapshot;
import io.macexo.exoetl.testing.PrepareProcess;
import io.macexo.exoetl.testing.SparkStandaloneCluster;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * prepare submitted with spark-submit to a Spark standalone cluster (a master and two one-core
 * workers, each its own JVM on loopback; executors in JVMs the workers start) writes the same rows
 * and rejects as a local-mode run of the same tree. Prints both wall times (process start to exit,
 * JVM and Spark start included), which docs/cluster.md records.
 *
 * <p>Every process is stopped in {@code finally}; each wait has a timeout, and the whole test has
 * one, so a hang fails the build in minutes instead of stalling it.
 */
class StandaloneClusterIT {
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void aClusterRunWritesWhatALocalRunWrites(@TempDir Path work) throws Exception {
    Path input = work.resolve("Parsed");
    int intendedRejects =
        SynthGenerator.generate(new SynthOptions(input, List.of("BT01", "BT02"), 3, 0.05, 11, true))
            .intendedRejects()
            .size();
    Path localOutput = work.resolve("local-out");
    Path clusterOutput = work.resolve("cluster-out");
    Path logs = Path.of(System.getProperty("exo.work.dir", "target/it-work")).resolve("cluster");
    deleteTree(logs);
    Files.createDirectories(logs);

    long localMillis;
    long localStarted = System.nanoTime();
    try (ChildProcess local =
        PrepareProcess.start("local-prepare", input.toString(), localOutput.toString(), logs)) {
      assertThat(local.waitFor(RUN_TIMEOUT)).as("local run; log %s", local.log()).isZero();
      localMillis = (System.nanoTime() - localStarted) / 1_000_000;
    }

    long clusterMillis;
    List<Path> executorFolders;
    try (SparkStandaloneCluster cluster = SparkStandaloneCluster.start(logs, 2, "1g")) {
      long started = System.nanoTime();
      ChildProcess submit =
          cluster.submit(
              "cluster-prepare",
              Map.of("spark.executor.memory", "768m", "spark.cores.max", "2"),
              List.of(
                  "prepare", "--input", input.toString(), "--output", clusterOutput.toString()));
      int exitCode = submit.waitFor(RUN_TIMEOUT);
      clusterMillis = (System.nanoTime() - started) / 1_000_000;
      assertThat(exitCode).as("cluster run; log %s", submit.log()).isZero();
      executorFolders = cluster.executorFolders();
    }
    System.out.printf(
        "prepare wall time on 2 participants x 3 trials + defects, scale 0.05: local[*] %.1f s,"
            + " standalone cluster (2 workers x 1 core) %.1f s; system load average %.1f on %d"
            + " cores%n",
        localMillis / 1000.0,
        clusterMillis / 1000.0,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        Runtime.getRuntime().availableProcessors());

    assertThat(executorFolders).as("executors started by the workers").hasSizeGreaterThan(0);
    SparkSession spark = LocalSpark.start("StandaloneClusterIT");
    try {
      OutputSnapshot local = OutputSnapshot.read(spark, localOutput.toString());
      assertThat(local.data()).hasSize(6);
      assertThat(local.rejects()).hasSize(intendedRejects);
      assertThat(OutputSnapshot.read(spark, clusterOutput.toString())).isEqualTo(local);
      assertThat(clusterOutput.resolve("_SUCCESS")).exists();
    } finally {
      spark.stop();
    }
  }

  /** Drops an earlier run's logs and worker folders (links are deleted, not followed). */
  private static void deleteTree(Path root) throws java.io.IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
