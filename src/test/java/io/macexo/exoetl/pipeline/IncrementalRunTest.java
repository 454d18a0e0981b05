package io.macexo.exoetl.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.macexo.exoetl.config.ConfigLoader;
import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.model.ExoEtlException;
import io.macexo.exoetl.model.IncrementalPlan;
import io.macexo.exoetl.model.PrepareResult;
import io.macexo.exoetl.testing.LocalSpark;
import io.macexo.exoetl.testing.TrialTreeBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scheduled re-processing: only what changed is redone, and a run with nothing to do touches
 * nothing.
 */
class IncrementalRunTest {
  private static final EtlConfig CONFIG = ConfigLoader.defaults();
  private static SparkSession spark;
  private static final AtomicInteger JOBS = new AtomicInteger();
  @TempDir Path work;
  private Path input;
  private Path output;
  private TrialTreeBuilder tree;

  @BeforeAll
  static void start() {
    spark = LocalSpark.start("IncrementalRunTest");
    spark
        .sparkContext()
        .addSparkListener(
            new SparkListener() {
              @Override
              public void onJobStart(SparkListenerJobStart jobStart) {
                JOBS.incrementAndGet();
              }
            });
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @BeforeEach
  void tree() throws Exception {
    input = work.resolve("Parsed");
    output = work.resolve("out");
    tree = new TrialTreeBuilder(input, CONFIG);
    tree.trial("BT01", "normal_walk_1_1-2_on", 30);
    tree.trial("BT01", "jump_1_1_vertical_on", 20);
    tree.trial("BT02", "squats_1_1_off", 25);
  }

  private PrepareOptions options() {
    return new PrepareOptions(
        input.toUri().toString(), output.toUri().toString(), List.of(), CONFIG);
  }

  private PrepareResult prepare() throws Exception {
    return prepare(options());
  }

  private PrepareResult prepare(PrepareOptions options) throws Exception {
    return new PrepareJob(spark, options).execute();
  }

  @Test
  void aSecondRunOnTheSameInputLeavesEveryFileAsItWasAndStartsNoSparkJob() throws Exception {
    prepare();
    Map<String, String> before = hashes();
    Thread.sleep(20);
    JOBS.set(0);

    PrepareResult second = prepare();

    assertThat(second.nothingToDo()).isTrue();
    assertThat(JOBS.get()).isZero();
    assertThat(hashes()).isEqualTo(before);
    assertThat(second.trialsWritten()).isEqualTo(3);
  }

  @Test
  void aNewParticipantWritesOnlyItsFolderAndUpdatesTheDescriptions() throws Exception {
    prepare();
    Map<String, String> before = hashes();
    tree.trial("BT03", "stairs_2_4_down_on", 15);

    PrepareResult second = prepare();

    assertThat(second.plan().with(IncrementalPlan.Change.NEW)).containsExactly("BT03");
    assertThat(second.plan().with(IncrementalPlan.Change.UNCHANGED))
        .containsExactly("BT01", "BT02");
    Map<String, String> after = hashes();
    assertThat(dataOf(after, "BT01")).isEqualTo(dataOf(before, "BT01")).isNotEmpty();
    assertThat(dataOf(after, "BT02")).isEqualTo(dataOf(before, "BT02")).isNotEmpty();
    assertThat(dataOf(after, "BT03")).isNotEmpty();
    assertThat(after.get("metadata.json")).isNotEqualTo(before.get("metadata.json"));
    assertThat(after.get("stats.json")).isNotEqualTo(before.get("stats.json"));
    assertThat(second.trialsWritten()).isEqualTo(4);
    assertThat(second.inputBytes())
        .isLessThan(
            Files.size(input.resolve("BT01/normal_walk_1_1-2_on/BT01_normal_walk_1_1-2_on_exo.csv"))
                * 3);
    assertThat(Files.readString(output.resolve("metadata.json"))).contains("\"BT03\"");
  }

  @Test
  void aChangedTrialFileReprocessesItsParticipantOnly() throws Exception {
    prepare();
    Map<String, String> before = hashes();
    Path file =
        input.resolve("BT01/jump_1_1_vertical_on/BT01_jump_1_1_vertical_on_moment_filt_bio.csv");
    List<String> lines = tree.csvLines(io.macexo.exoetl.testing.FileKind.MOMENT, 20);
    Files.writeString(file, String.join("", TrialTreeBuilder.setField(lines, 3, 2, "1.5")));

    PrepareResult second = prepare();

    assertThat(second.plan().with(IncrementalPlan.Change.CHANGED)).containsExactly("BT01");
    Map<String, String> after = hashes();
    assertThat(dataOf(after, "BT02")).isEqualTo(dataOf(before, "BT02"));
    assertThat(dataOf(after, "BT01")).isNotEqualTo(dataOf(before, "BT01"));
  }

  @Test
  void aParticipantGoneFromTheInputIsKeptByteForByteAndSaidSo() throws Exception {
    prepare();
    Map<String, String> before = hashes();
    deleteTree(input.resolve("BT02"));

    PrepareResult second = prepare();

    assertThat(second.plan().kept()).containsExactly("BT02");
    assertThat(second.plan().removed()).isEmpty();
    assertThat(second.nothingToDo()).isTrue();
    assertThat(hashes()).isEqualTo(before);
    assertThat(second.participants()).containsExactly("BT01", "BT02");
  }

  @Test
  void aParticipantGoneFromTheInputIsRemovedWithPrune() throws Exception {
    prepare();
    deleteTree(input.resolve("BT02"));

    PrepareResult second = prepare(options().withPrune(true));

    assertThat(second.plan().removed()).containsExactly("BT02");
    assertThat(second.plan().kept()).isEmpty();
    assertThat(output.resolve("data/subject=BT02")).doesNotExist();
    assertThat(second.participants()).containsExactly("BT01");
    assertThat(Files.readString(output.resolve("manifest.json"))).doesNotContain("\"BT02\"");
    assertThat(Files.readString(output.resolve("metadata.json"))).doesNotContain("\"BT02\"");
  }

  @Test
  void anEmptiedInputFailsNamingTheRootAndLeavesEveryFileAsItWas() throws Exception {
    prepare();
    Map<String, String> before = hashes();
    deleteTree(input.resolve("BT01"));
    deleteTree(input.resolve("BT02"));

    assertThatThrownBy(() -> prepare(options().withPrune(true)))
        .isInstanceOf(ExoEtlException.class)
        .hasMessageContaining("no participant folder under")
        .hasMessageContaining(input.getFileName().toString());
    assertThat(hashes()).isEqualTo(before);
  }

  @Test
  void aKeptParticipantBuiltUnderOtherSettingsIsRebuiltWhenItsFolderReturns() throws Exception {
    prepare();
    Path away = work.resolve("away");
    Files.move(input.resolve("BT02"), away);
    EtlConfig reject = CONFIG.withNanPolicy(io.macexo.exoetl.config.NanPolicy.REJECT);
    PrepareOptions strict =
        new PrepareOptions(input.toUri().toString(), output.toUri().toString(), List.of(), reject);
    PrepareResult whileAway = prepare(strict);
    assertThat(whileAway.plan().kept()).containsExactly("BT02");
    assertThat(whileAway.plan().with(IncrementalPlan.Change.CHANGED)).containsExactly("BT01");
    Files.move(away, input.resolve("BT02"));

    PrepareResult back = prepare(strict);

    assertThat(back.plan().with(IncrementalPlan.Change.CHANGED)).containsExactly("BT02");
    assertThat(back.plan().with(IncrementalPlan.Change.UNCHANGED)).containsExactly("BT01");
  }

  @Test
  void anOutputFolderHoldingSomeoneElsesFilesIsRefusedAndLeftAsItWas() throws Exception {
    Files.createDirectories(output);
    Files.writeString(output.resolve("README.md"), "# my project\n");
    Files.writeString(output.resolve("report.html"), "<p>mine</p>");
    Map<String, String> before = hashes();

    assertThatThrownBy(this::prepare)
        .isInstanceOf(io.macexo.exoetl.config.ConfigException.class)
        .hasMessageContaining("--output")
        .hasMessageContaining("not an exo-etl output")
        .hasMessageContaining("README.md, report.html");
    assertThat(hashes()).isEqualTo(before);
    assertThat(output.resolve("_lock")).doesNotExist();
  }

  @Test
  void aManifestJsonThatExoEtlDidNotWriteDoesNotMakeAFolderOurs() throws Exception {
    Files.createDirectories(output);
    Files.writeString(output.resolve("manifest.json"), "{\"name\": \"my web app\"}");
    Files.writeString(output.resolve("README.md"), "# my web app\n");
    Map<String, String> before = hashes();

    assertThatThrownBy(this::prepare)
        .isInstanceOf(io.macexo.exoetl.config.ConfigException.class)
        .hasMessageContaining("not an exo-etl output")
        .hasMessageContaining("README.md, manifest.json");
    assertThat(hashes()).isEqualTo(before);
  }

  @Test
  void fullReReadsTheInputAndStillKeepsOrPrunesWhatIsGoneFromIt() throws Exception {
    prepare();
    Map<String, String> before = hashes();
    Path away = work.resolve("BT02-away");
    Files.move(input.resolve("BT02"), away);
    PrepareOptions full =
        new PrepareOptions(
            input.toUri().toString(), output.toUri().toString(), List.of(), CONFIG, true, false);

    PrepareResult kept = prepare(full);

    assertThat(kept.plan().kept()).containsExactly("BT02");
    assertThat(dataOf(hashes(), "BT02")).isEqualTo(dataOf(before, "BT02")).isNotEmpty();
    assertThat(kept.trials()).anyMatch(t -> t.id().participant().equals("BT02"));
    assertThat(Files.readString(output.resolve("metadata.json"))).contains("\"BT02\"");

    PrepareResult pruned = prepare(full.withPrune(true));

    assertThat(pruned.plan().removed()).containsExactly("BT02");
    assertThat(dataOf(hashes(), "BT02")).isEmpty();
  }

  @Test
  void aParticipantFolderLeftWithNoTrialIsKeptUnlessPruned() throws Exception {
    prepare();
    Map<String, String> before = hashes();
    deleteTree(input.resolve("BT02/squats_1_1_off"));
    tree.trial("BT01", "stairs_2_4_down_on", 15);

    PrepareResult kept = prepare();

    assertThat(kept.plan().heldBack()).containsExactly("BT02");
    assertThat(dataOf(hashes(), "BT02")).isEqualTo(dataOf(before, "BT02")).isNotEmpty();
    assertThat(kept.trials()).anyMatch(t -> t.id().toString().equals("BT02/squats_1_1_off"));

    PrepareResult pruned = prepare(options().withPrune(true));

    assertThat(pruned.plan().heldBack()).isEmpty();
    assertThat(dataOf(hashes(), "BT02")).isEmpty();
    assertThat(pruned.trials()).noneMatch(t -> t.id().participant().equals("BT02"));
  }

  @Test
  void anOutputOfAFirstRunThatDiedBeforeItsManifestIsTakenUp() throws Exception {
    prepare();
    Files.delete(output.resolve("manifest.json"));
    Files.delete(output.resolve("README.md"));
    Files.delete(output.resolve("report.html"));
    Files.delete(output.resolve("metadata.json"));
    Files.delete(output.resolve("stats.json"));
    Files.delete(output.resolve("splits.json"));
    deleteTree(output.resolve("rejects"));
    deleteTree(output.resolve("trials"));
    Files.delete(output.resolve("_SUCCESS"));

    PrepareResult again = prepare();

    assertThat(again.trialsWritten()).isEqualTo(3);
    assertThat(output.resolve("manifest.json")).exists();
  }

  @Test
  void aSecondWriterFailsWhileTheFirstHoldsTheLock() throws Exception {
    Files.createDirectories(output);
    Files.writeString(
        output.resolve("_lock"), "run-a\nother-host pid 1\n" + System.currentTimeMillis() + "\n");
    assertThatThrownBy(this::prepare)
        .isInstanceOf(ExoEtlException.class)
        .hasMessageStartingWith(
            "Cannot start: "
                + output.toUri().toString().replaceAll("/$", "").replace("file:///", "file:/")
                + " is being written by run run-a on other-host pid 1");
    assertThat(output.resolve("data")).doesNotExist();
  }

  @Test
  void aStaleLockIsTakenOver() throws Exception {
    Files.createDirectories(output);
    Files.writeString(
        output.resolve("_lock"),
        "run-a\nother-host pid 1\n" + (System.currentTimeMillis() - 3_600_000) + "\n");
    assertThat(prepare().trialsWritten()).isEqualTo(3);
    assertThat(output.resolve("_lock")).doesNotExist();
  }

  @Test
  void aLockOfAKilledRunOnThisHostIsTakenOverAtOnce() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    String host = java.net.InetAddress.getLocalHost().getHostName();
    Files.createDirectories(output);
    Files.writeString(
        output.resolve("_lock"),
        "run-a\n" + host + " pid " + gone.pid() + "\n" + System.currentTimeMillis() + "\n");
    assertThat(prepare().trialsWritten()).isEqualTo(3);
  }

  private static Map<String, String> dataOf(Map<String, String> hashes, String participant) {
    Map<String, String> data = new TreeMap<>();
    hashes.forEach(
        (path, hash) -> {
          if (path.startsWith("data/subject=" + participant + "/")) {
            data.put(path, hash);
          }
        });
    return data;
  }

  private Map<String, String> hashes() throws Exception {
    Map<String, String> hashes = new TreeMap<>();
    try (Stream<Path> files = Files.walk(output)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        hashes.put(
            output.relativize(file).toString(),
            HexFormat.of().formatHex(digest) + "@" + Files.getLastModifiedTime(file).toMillis());
      }
    }
    return hashes;
  }

  private static void deleteTree(Path root) throws Exception {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
