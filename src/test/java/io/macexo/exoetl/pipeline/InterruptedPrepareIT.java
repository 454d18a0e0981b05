package io.macexo.exoetl.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.macexo.exoetl.config.ConfigLoader;
import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.model.OutputLayout;
import io.macexo.exoetl.model.PrepareResult;
import io.macexo.exoetl.synth.SynthGenerator;
import io.macexo.exoetl.synth.SynthOptions;
import io.macexo.exoetl.testing.ChildProcess;
import io.macexo.exoetl.testing.LocalSpark;
import io.macexo.exoetl.testing.OutputSnapshot;
import io.macexo.exoetl.testing.PrepareProcess;
import io.macexo.exoetl.write.ParticipantSwap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A prepare run killed outright (SIGKILL: no shutdown hook, no finally) over an output that holds a
 * complete earlier run. What {@link PrepareJob} and {@link ParticipantSwap} promise, checked at two
 * moments of the run:
 *
 * <ul>
 *   <li>while it writes to {@code _staging/}, the earlier output is untouched: same rows, same
 *       rejects, its {@code _SUCCESS} and metadata;
 *   <li>at any moment, every participant folder in {@code data/} is wholly the earlier run's or
 *       wholly the new one's, and after the recovery the next run starts with, every participant is
 *       back in {@code data/};
 *   <li>the next run completes and writes exactly what a clean run writes.
 * </ul>
 *
 * <p>The killed run is a separate JVM started as bin/exo-etl starts it; the earlier and reference
 * outputs and the re-run use a Spark session in the test JVM.
 */
class InterruptedPrepareIT {
  private static final EtlConfig CONFIG = ConfigLoader.defaults();
  private static final List<String> PARTICIPANTS = List.of("BT01", "BT02", "BT03");
  private static final Duration MOMENT_TIMEOUT = Duration.ofMinutes(4);

  private static Path work;
  private static SparkSession spark;
  private static Path laterInput;
  private static Path earlierOutput;
  private static OutputSnapshot earlier;
  private static OutputSnapshot later;

  /** When the run is killed, as seen from outside in the output folder. */
  enum KillMoment {
    /** A task has written a Parquet file under staging: the run is in its one Spark write. */
    PARQUET_STAGED(true, root -> anyParquetUnder(root.resolve("_staging"))),
    /**
     * The earlier {@code _SUCCESS} is gone: the swap has begun (or the rejects or metadata are
     * being written). The swap takes milliseconds, so where the kill lands varies.
     */
    SUCCESS_REMOVED(false, root -> !Files.exists(root.resolve("_SUCCESS")));

    final boolean beforeTheSwap;
    final Predicate<Path> reached;

    KillMoment(boolean beforeTheSwap, Predicate<Path> reached) {
      this.beforeTheSwap = beforeTheSwap;
      this.reached = reached;
    }
  }

  @BeforeAll
  static void prepareEarlierAndReferenceOutputs() throws Exception {
    work = Files.createTempDirectory("exo-interrupted-");
    Path earlierInput = work.resolve("earlier/Parsed");
    laterInput = work.resolve("later/Parsed");
    SynthGenerator.generate(new SynthOptions(earlierInput, PARTICIPANTS, 2, 0.05, 21, true));
    SynthGenerator.generate(new SynthOptions(laterInput, PARTICIPANTS, 2, 0.05, 22, true));
    spark = LocalSpark.start("InterruptedPrepareIT");
    earlierOutput = work.resolve("earlier/out");
    Path laterOutput = work.resolve("later/out");
    prepare(earlierInput, earlierOutput);
    prepare(laterInput, laterOutput);
    earlier = OutputSnapshot.read(spark, earlierOutput.toString());
    later = OutputSnapshot.read(spark, laterOutput.toString());
    for (String participant : PARTICIPANTS) {
      assertThat(later.dataOf(participant))
          .as("the two runs must differ for every participant, or the test proves nothing")
          .isNotEqualTo(earlier.dataOf(participant))
          .isNotEmpty();
    }
  }

  @AfterAll
  static void stopSpark() throws IOException {
    if (spark != null) {
      spark.stop();
    }
    deleteTree(work);
  }

  @ParameterizedTest
  @EnumSource(KillMoment.class)
  @Timeout(value = 8, unit = TimeUnit.MINUTES)
  void aKilledRunLeavesTheEarlierOutputWholeAndTheNextRunCompletes(KillMoment moment)
      throws Exception {
    Path output = work.resolve("out-" + moment.name().toLowerCase());
    copyTree(earlierOutput, output);
    String earlierSuccess = Files.readString(output.resolve("_SUCCESS"));

    boolean killedMidRun;
    try (ChildProcess run =
        PrepareProcess.start(
            "prepare-killed-" + moment.name().toLowerCase(),
            laterInput.toString(),
            output.toString(),
            work.resolve("logs"))) {
      killedMidRun = awaitThenKill(run, moment, output);
      if (moment.beforeTheSwap) {
        assertThat(killedMidRun)
            .as("the run reached %s before it ended; log %s", moment, run.log())
            .isTrue();
      }
    }

    System.out.printf(
        "killed at %s: %s; %s%n", moment, killedMidRun ? "mid-run" : "had ended", state(output));
    if (moment.beforeTheSwap) {
      assertThat(output.resolve("_SUCCESS")).hasContent(earlierSuccess.strip());
    }
    if (Files.exists(output.resolve("_SUCCESS"))) {
      // A marker means a whole output: the earlier one, or the new one if the run ended first.
      boolean stillEarlier = Files.readString(output.resolve("_SUCCESS")).equals(earlierSuccess);
      assertThat(OutputSnapshot.read(spark, output.toString()))
          .isEqualTo(stillEarlier ? earlier : later);
    }
    assertEachParticipantIsWholeEarlierOrLater(output);

    List<String> restored = recover(output);
    assertThat(output.resolve("_staging")).doesNotExist();
    assertThat(output.resolve("_trash")).doesNotExist();
    assertEachParticipantIsWholeEarlierOrLater(output);
    assertThat(participantsIn(output))
        .as("participants after recovery (restored from trash: %s)", restored)
        .containsExactlyElementsOf(PARTICIPANTS);

    PrepareResult rerun = prepare(laterInput, output);
    assertThat(OutputSnapshot.read(spark, output.toString())).isEqualTo(later);
    assertThat(output.resolve("_SUCCESS")).hasContent(rerun.runId());
    assertThat(output.resolve("_staging")).doesNotExist();
    assertThat(output.resolve("_trash")).doesNotExist();
  }

  /**
   * Polls the output folder until the moment is reached, then kills the run at once.
   *
   * @return whether the run was killed (false: it ended on its own first)
   */
  private static boolean awaitThenKill(ChildProcess run, KillMoment moment, Path output)
      throws InterruptedException {
    long deadline = System.nanoTime() + MOMENT_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (moment.reached.test(output)) {
        run.kill();
        return true;
      }
      if (!run.isAlive()) {
        return false;
      }
      Thread.sleep(2);
    }
    throw new IllegalStateException(
        moment + " not reached within " + MOMENT_TIMEOUT + "; log " + run.log());
  }

  private static void assertEachParticipantIsWholeEarlierOrLater(Path output) throws IOException {
    List<String> lines = OutputSnapshot.readData(spark, output.resolve("data").toString());
    for (String participant : participantsIn(output)) {
      List<String> found =
          lines.stream().filter(line -> line.startsWith(participant + "/")).toList();
      assertThat(found)
          .as("rows of %s in %s", participant, output)
          .isIn(earlier.dataOf(participant), later.dataOf(participant));
    }
  }

  private static List<String> participantsIn(Path output) throws IOException {
    try (Stream<Path> folders = Files.list(output.resolve("data"))) {
      return folders
          .filter(Files::isDirectory)
          .map(folder -> OutputLayout.participantOf(folder.getFileName().toString()))
          .flatMap(java.util.Optional::stream)
          .sorted()
          .toList();
    }
  }

  /** Which of the output's entries exist, for the test's log. */
  private static String state(Path output) throws IOException {
    StringBuilder state = new StringBuilder("data/ holds ").append(participantsIn(output));
    for (String entry : List.of("_SUCCESS", "_staging", "_trash", "rejects", "metadata.json")) {
      state
          .append(", ")
          .append(entry)
          .append(Files.exists(output.resolve(entry)) ? " present" : " absent");
    }
    return state.toString();
  }

  /** What the next run does first: restore trashed folders, drop leftover staging. */
  private static List<String> recover(Path output) throws IOException {
    FileSystem fs = FileSystem.getLocal(new Configuration());
    OutputLayout layout =
        new OutputLayout(fs.makeQualified(new org.apache.hadoop.fs.Path(output.toUri())));
    return new ParticipantSwap(fs, layout).recoverInterrupted();
  }

  private static PrepareResult prepare(Path input, Path output) throws IOException {
    return new PrepareJob(
            spark,
            new PrepareOptions(
                input.toUri().toString(), output.toUri().toString(), List.of(), CONFIG))
        .execute();
  }

  private static boolean anyParquetUnder(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.anyMatch(file -> file.getFileName().toString().endsWith(".parquet"));
    } catch (NoSuchFileException | UncheckedIOException stillChanging) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
