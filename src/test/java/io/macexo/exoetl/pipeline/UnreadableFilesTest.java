package io.macexo.exoetl.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.macexo.exoetl.config.ConfigLoader;
import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.model.PrepareResult;
import io.macexo.exoetl.model.ReasonCode;
import io.macexo.exoetl.model.TrialSummary;
import io.macexo.exoetl.testing.FaultyFileSystem;
import io.macexo.exoetl.testing.FileHashes;
import io.macexo.exoetl.testing.LocalSpark;
import io.macexo.exoetl.testing.TrialTreeBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trial whose file cannot be read is a reject naming the file and the cause, and the run goes on:
 * a folder where a file should be, a named pipe, a permission error, a trial folder that cannot be
 * listed and an I/O error after some bytes (the last two from {@link FaultyFileSystem}, since a
 * test running as root cannot be denied a file and a disk cannot be made to fail on cue).
 */
class UnreadableFilesTest {
  private static final EtlConfig CONFIG = ConfigLoader.defaults();
  private static SparkSession spark;
  @TempDir Path work;

  @BeforeAll
  static void start() {
    spark = LocalSpark.start("UnreadableFilesTest");
    spark
        .sparkContext()
        .hadoopConfiguration()
        .set(FaultyFileSystem.SETTING.getKey(), FaultyFileSystem.SETTING.getValue());
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @AfterEach
  void forgetFaults() {
    FaultyFileSystem.clear();
  }

  @Test
  void eachUnreadableFileIsARejectNamingItAndTheCauseAndTheOtherTrialsAreWritten()
      throws Exception {
    Path input = work.resolve("Parsed");
    TrialTreeBuilder tree = folderPipeAndDenied(input);
    tree.trial("BT02", "lunges_1_1_on", 400);
    FaultyFileSystem.failAfter("BT02_lunges_1_1_on_angle_filt.csv", 4_000);
    tree.trial("BT02", "locked_1_1_on", 20);
    FaultyFileSystem.deny("locked_1_1_on");

    PrepareResult result = prepare(input, work.resolve("out"), false);

    assertThat(result.trialsWritten()).isEqualTo(1);
    Map<String, String> rejects =
        result.trials().stream()
            .filter(t -> !t.written())
            .peek(t -> assertThat(t.reject().code()).isEqualTo(ReasonCode.UNREADABLE_FILE))
            .collect(Collectors.toMap(t -> t.id().trial(), UnreadableFilesTest::sentence));
    assertThat(rejects)
        .containsOnlyKeys(
            "jump_1_1_vertical_on",
            "squats_1_1_off",
            "stairs_2_4_down_on",
            "lunges_1_1_on",
            "locked_1_1_on");
    assertThat(rejects.get("locked_1_1_on"))
        .startsWith("cannot read the folder locked_1_1_on: ")
        .contains("PathPermissionException");
    assertThat(rejects.get("jump_1_1_vertical_on"))
        .isEqualTo(
            "cannot read BT01_jump_1_1_vertical_on_moment_filt_bio.csv: it is a folder, not a"
                + " file");
    assertThat(rejects.get("squats_1_1_off"))
        .isEqualTo(
            "cannot read BT01_squats_1_1_off_angle_filt.csv: it is not a regular file (a pipe,"
                + " device or socket)");
    assertThat(rejects.get("stairs_2_4_down_on"))
        .startsWith("cannot read BT02_stairs_2_4_down_on_exo.csv: ")
        .contains("(Permission denied)");
    assertThat(rejects.get("lunges_1_1_on"))
        .startsWith("cannot read BT02_lunges_1_1_on_angle_filt.csv: ")
        .contains("Input/output error after 4000 bytes");
    assertThat(work.resolve("out/data/subject=BT01")).isDirectory();
    assertThat(Files.readString(work.resolve("out/rejects/rejects.json")))
        .contains("UNREADABLE_FILE")
        .contains("Permission denied");

    // The failures pass (a permission fixed, a disk that reads again) without changing any file's
    // size or date: the next run reads BT02 again instead of calling it unchanged, and leaves the
    // still-broken BT01 trials as they were.
    FaultyFileSystem.clear();
    PrepareResult again = prepare(input, work.resolve("out"), false);
    assertThat(again.trialsWritten()).isEqualTo(4);
    assertThat(again.trials().stream().filter(t -> !t.written()).map(t -> t.id().trial()))
        .containsExactlyInAnyOrder("jump_1_1_vertical_on", "squats_1_1_off");
  }

  @Test
  void aTrialThatWasWrittenAndCannotBeReadNowKeepsItsParticipantAsItWas() throws Exception {
    Path input = work.resolve("Parsed");
    TrialTreeBuilder tree = new TrialTreeBuilder(input, CONFIG);
    tree.trial("BT01", "normal_walk_1_1-2_on", 30);
    tree.trial("BT02", "stairs_2_4_down_on", 25);
    Path output = work.resolve("out");
    prepare(input, output, false);
    Map<String, String> before = FileHashes.of(output.resolve("data/subject=BT02"));
    // BT02 changes (a new trial) while a file it had written cannot be read (a lost permission,
    // an outage past the client's retries): replacing its folder would drop that trial's data.
    tree.trial("BT02", "lunges_1_1_on", 20);
    FaultyFileSystem.deny("BT02_stairs_2_4_down_on_exo.csv");

    PrepareResult held = prepare(input, output, false);

    assertThat(held.plan().heldBack()).containsExactly("BT02");
    assertThat(FileHashes.of(output.resolve("data/subject=BT02"))).isEqualTo(before).isNotEmpty();
    assertThat(held.trials())
        .filteredOn(t -> t.id().participant().equals("BT02"))
        .extracting(t -> t.id().trial())
        .containsExactly("stairs_2_4_down_on");

    FaultyFileSystem.clear();
    PrepareResult again = prepare(input, output, false);

    assertThat(again.plan().heldBack()).isEmpty();
    assertThat(again.trialsWritten()).isEqualTo(3);
  }

  @Test
  @org.junit.jupiter.api.Timeout(120)
  void verifyContentNeitherStopsNorBlocksOnAFolderAPipeOrADeniedFile() throws Exception {
    Path input = work.resolve("Parsed");
    folderPipeAndDenied(input);

    PrepareResult result = prepare(input, work.resolve("out"), true);

    assertThat(result.trialsWritten()).isEqualTo(1);
    assertThat(result.trials().stream().filter(t -> !t.written()))
        .hasSize(3)
        .allMatch(t -> t.reject().code() == ReasonCode.UNREADABLE_FILE);
  }

  /**
   * One good trial of BT01, one whose moment file is a folder and one whose angle file is a named
   * pipe; and a BT02 trial whose exo file is denied.
   */
  private static TrialTreeBuilder folderPipeAndDenied(Path input) throws Exception {
    TrialTreeBuilder tree = new TrialTreeBuilder(input, CONFIG);
    tree.trial("BT01", "normal_walk_1_1-2_on", 30);
    TrialTreeBuilder.replaceByFolder(
        tree.trial("BT01", "jump_1_1_vertical_on", 20)
            .resolve("BT01_jump_1_1_vertical_on_moment_filt_bio.csv"));
    TrialTreeBuilder.replaceByPipe(
        tree.trial("BT01", "squats_1_1_off", 20).resolve("BT01_squats_1_1_off_angle_filt.csv"));
    tree.trial("BT02", "stairs_2_4_down_on", 25);
    FaultyFileSystem.deny("BT02_stairs_2_4_down_on_exo.csv");
    return tree;
  }

  private PrepareResult prepare(Path input, Path output, boolean verifyContent) throws Exception {
    return new PrepareJob(
            spark,
            new PrepareOptions(
                FaultyFileSystem.uriOf(input),
                output.toString(),
                List.of(),
                CONFIG,
                false,
                verifyContent))
        .execute();
  }

  private static String sentence(TrialSummary trial) {
    return trial.reject().detail();
  }
}
