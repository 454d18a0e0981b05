package io.macexo.exoetl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.macexo.exoetl.audit.OutputAudit;
import io.macexo.exoetl.config.ConfigLoader;
import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.hub.RetryPolicy;
import io.macexo.exoetl.hub.devhub.DevHubOptions;
import io.macexo.exoetl.hub.devhub.DevHubServer;
import io.macexo.exoetl.model.IncrementalPlan;
import io.macexo.exoetl.model.Locations;
import io.macexo.exoetl.model.PrepareResult;
import io.macexo.exoetl.model.ReasonCode;
import io.macexo.exoetl.pipeline.PrepareJob;
import io.macexo.exoetl.pipeline.PrepareOptions;
import io.macexo.exoetl.testing.FileHashes;
import io.macexo.exoetl.testing.FileKind;
import io.macexo.exoetl.testing.LocalSpark;
import io.macexo.exoetl.testing.OutputSnapshot;
import io.macexo.exoetl.testing.TrialTreeBuilder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Roots and folder names may hold any character a file system allows: a space, {@code # % + & ?},
 * non-ASCII letters, and {@code %41}, which must stay three characters and never become "A". The
 * same odd tree goes through prepare (as a plain path and as a {@code file:} URI), an incremental
 * re-run, validate and sync to a dev-hub, whose paths must come out exactly as the local ones.
 */
class AnyPathTest {
  /** Every character the issue names, and an escape-like {@code %41} that must stay literal. */
  private static final String ODD = " #%41+&?";

  private static final String PARTICIPANT = "BT01" + ODD + "é";
  private static final String TRIAL = "walk 1" + ODD + "ö";
  private static final String TOKEN = "hf_anyPathToken0123456789";
  private static final EtlConfig CONFIG =
      ConfigLoader.load(null, Map.of("exo-etl.participants.\"" + PARTICIPANT + "\"", "71.5"));

  private static SparkSession spark;
  @TempDir static Path work;
  private static Path input;

  @BeforeAll
  static void start() throws Exception {
    spark = LocalSpark.start("AnyPathTest");
    input = work.resolve("my data" + ODD + "ü").resolve("Parsed");
    TrialTreeBuilder tree = new TrialTreeBuilder(input, CONFIG);
    tree.trial(PARTICIPANT, TRIAL, 30);
    tree.trial(PARTICIPANT, "jump_1_1_vertical_on", 20);
    tree.trial("BT02", "squats 1" + ODD, 25);
    // A broken trial under an odd name: its reject must name it exactly too.
    tree.trial(
        PARTICIPANT,
        "no moment" + ODD,
        10,
        (kind, lines) -> kind == FileKind.MOMENT ? null : lines);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void aPlainPathAndAFileUriGiveTheSameOutputWithEveryNameAsItIsOnDisk() throws Exception {
    Path plainOut = work.resolve("out put" + ODD + "ß");
    Path uriOut = work.resolve("uri out" + ODD);

    PrepareResult plain = prepare(input.toString(), plainOut.toString());
    PrepareResult uri = prepare("file://" + input, "file://" + uriOut);

    assertThat(plain.trialsWritten()).isEqualTo(3);
    assertThat(uri.trialsWritten()).isEqualTo(3);
    OutputSnapshot snapshot = snapshot(plainOut);
    assertThat(snapshot).isEqualTo(snapshot(uriOut));
    assertThat(snapshot.data())
        .anyMatch(line -> line.startsWith(PARTICIPANT + "/" + TRIAL + " mass_kg=71.5 "))
        .anyMatch(line -> line.startsWith("BT02/squats 1" + ODD + " "));
    assertThat(snapshot.rejects())
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith(PARTICIPANT + "/no moment" + ODD + " " + ReasonCode.MISSING_FILE);
    try (Stream<Path> folders = Files.list(plainOut.resolve("data"))) {
      assertThat(folders.map(folder -> folder.getFileName().toString()))
          .as("Hive escapes # % ? in folder values as Spark's own writer does; %41 stays literal")
          .containsExactlyInAnyOrder("subject=BT01 %23%2541+&%3Fé", "subject=BT02");
    }
  }

  @Test
  void aReRunValidateAndSyncSeeTheSameOddNames() throws Exception {
    Path output = work.resolve("cycle out" + ODD);
    prepare(input.toString(), output.toString());
    Map<String, String> before = hashes(output);

    PrepareResult again = prepare(input.toString(), output.toString());
    assertThat(again.nothingToDo()).isTrue();
    assertThat(hashes(output)).isEqualTo(before);

    OutputAudit.Report report = new OutputAudit(spark, CONFIG).run(output.toString());
    assertThat(report.problems()).isEmpty();
    assertThat(report.rows()).isEqualTo(3);

    try (DevHubServer hub =
        DevHubServer.start(DevHubOptions.withTokens(Set.of(TOKEN)), work.resolve("hub"), 0)) {
      Map<String, String> env =
          Map.of("HF_TOKEN", TOKEN, "HF_ENDPOINT", hub.url().toString(), "HOME", work.toString());
      String printed = sync(env, output);
      assertThat(printed).contains("Done: uploaded");
      Map<String, String> remote = hub.files("macexo/any-path");
      Map<String, String> localData = new TreeMap<>(before);
      localData.keySet().removeIf(path -> !path.startsWith("data/"));
      assertThat(localData.keySet())
          .anyMatch(path -> path.startsWith("data/subject=BT01 %23%2541+&%3Fé/"))
          .anyMatch(path -> path.startsWith("data/subject=BT02/"));
      assertThat(remote).containsAllEntriesOf(localData);

      // A second sync finds every odd path already there: nothing to upload.
      assertThat(sync(env, output)).contains("Done: uploaded 0 files", "0 commits");
    }
  }

  @Test
  void aNewTrialUnderAnOddParticipantRebuildsOnlyThatParticipant() throws Exception {
    Path copy = work.resolve("grow" + ODD).resolve("Parsed");
    new TrialTreeBuilder(copy, CONFIG).trial(PARTICIPANT, TRIAL, 30);
    new TrialTreeBuilder(copy, CONFIG).trial("BT02", "squats 1" + ODD, 25);
    Path output = work.resolve("grow out" + ODD);
    prepare(copy.toString(), output.toString());
    Map<String, String> before = hashes(output);

    new TrialTreeBuilder(copy, CONFIG).trial(PARTICIPANT, "stairs" + ODD + "ö", 15);
    PrepareResult second = prepare(copy.toString(), output.toString());

    assertThat(second.plan().with(IncrementalPlan.Change.CHANGED)).containsExactly(PARTICIPANT);
    assertThat(second.plan().with(IncrementalPlan.Change.UNCHANGED)).containsExactly("BT02");
    Map<String, String> after = hashes(output);
    assertThat(dataOf(after, "subject=BT02/")).isEqualTo(dataOf(before, "subject=BT02/"));
    assertThat(snapshot(output).dataOf(PARTICIPANT)).hasSize(2);
  }

  private static PrepareResult prepare(String in, String out) throws Exception {
    return new PrepareJob(spark, new PrepareOptions(in, out, List.of(), CONFIG)).execute();
  }

  private static OutputSnapshot snapshot(Path output) {
    return OutputSnapshot.read(spark, Locations.literalGlob(Locations.root(output.toString())));
  }

  private static String sync(Map<String, String> env, Path output) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    int code =
        Main.run(
            List.of("sync", "--output", output.toString(), "--repo", "macexo/any-path"),
            stream,
            stream,
            List.of(
                new SyncCommand(
                    env, new RetryPolicy(2, Duration.ZERO, Duration.ZERO, duration -> {}))));
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertThat(code).as(printed).isEqualTo(ExitCode.DONE);
    assertThat(printed).doesNotContain(TOKEN);
    return printed;
  }

  /** Every file of the output, relative path to SHA-256; a finished run leaves no hidden one. */
  private static Map<String, String> hashes(Path output) throws Exception {
    return FileHashes.of(output);
  }

  private static Map<String, String> dataOf(Map<String, String> hashes, String folder) {
    Map<String, String> data = new TreeMap<>(hashes);
    data.keySet().removeIf(path -> !path.startsWith("data/" + folder));
    return data;
  }
}
