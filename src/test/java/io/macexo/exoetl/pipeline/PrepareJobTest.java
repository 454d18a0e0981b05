package io.macexo.exoetl.pipeline;

import static io.macexo.exoetl.testing.TrialTreeBuilder.setField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.macexo.exoetl.config.ConfigLoader;
import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.config.NanPolicy;
import io.macexo.exoetl.model.PrepareResult;
import io.macexo.exoetl.model.ReasonCode;
import io.macexo.exoetl.model.Reject;
import io.macexo.exoetl.model.TrialId;
import io.macexo.exoetl.oracle.Engines;
import io.macexo.exoetl.testing.FileKind;
import io.macexo.exoetl.testing.LocalSpark;
import io.macexo.exoetl.testing.TrialTreeBuilder;
import io.macexo.exoetl.testing.TrialTreeBuilder.Mutation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Runs the whole prepare job on a tiny hand-built tree with one trial per defect. */
class PrepareJobTest {
  private static final long FIRST_STEP = 8346;
  private static SparkSession spark;
  private static final EtlConfig CONFIG = ConfigLoader.defaults();

  @TempDir static Path work;
  private static Path input;

  @BeforeAll
  static void setUp() throws Exception {
    spark = LocalSpark.start("PrepareJobTest");
    input = work.resolve("Parsed");
    TrialTreeBuilder tree = new TrialTreeBuilder(input, CONFIG);
    Files.createDirectories(input);
    Files.writeString(input.resolve("LICENSE"), "CC BY 4.0\n");
    Files.writeString(input.resolve(".DS_Store"), "junk");
    tree.trial("BT01", "normal_walk_1_1-2_on", 50);
    tree.trial(
        "BT01",
        "jump_1_1_vertical_on",
        40,
        (kind, lines) ->
            switch (kind) {
              case ANGLE -> TrialTreeBuilder.shuffleColumns(lines, 7);
              case MOMENT -> setField(setField(lines, 5, 2, ""), 6, 3, "NaN");
              default -> lines;
            });
    tree.trial("BT02", "stairs_2_4_down_on", 30);
    tree.trial(
        "BT01",
        "defect_missing-file_1_on",
        20,
        (kind, lines) -> kind == FileKind.ANGLE ? null : lines);
    tree.trial(
        "BT01", "defect_empty-file_1_on", 20, Mutation.only(FileKind.MOMENT, lines -> List.of()));
    tree.trial(
        "BT01",
        "defect_missing-column_1_on",
        20,
        Mutation.only(
            FileKind.ANGLE,
            lines -> lines.stream().map(l -> l.substring(0, l.lastIndexOf(',')) + "\n").toList()));
    tree.trial(
        "BT01",
        "defect_field-count_1_on",
        20,
        Mutation.only(
            FileKind.EXO,
            lines -> {
              List<String> copy = new ArrayList<>(lines);
              copy.set(10, copy.get(10).substring(0, copy.get(10).lastIndexOf(',')) + "\n");
              return copy;
            }));
    tree.trial(
        "BT01",
        "defect_text_1_on",
        20,
        Mutation.only(FileKind.EXO, lines -> setField(lines, 4, 3, "abc")));
    tree.trial(
        "BT01",
        "defect_truncated_1_on",
        20,
        Mutation.only(
            FileKind.MOMENT,
            lines -> {
              List<String> copy = new ArrayList<>(lines);
              String last = copy.get(copy.size() - 1);
              copy.set(copy.size() - 1, last.substring(0, last.length() / 2));
              return copy;
            }));
    tree.trial(
        "BT01",
        "defect_infinite_1_on",
        20,
        Mutation.only(FileKind.MOMENT, lines -> setField(lines, 3, 5, "inf")));
    tree.trial(
        "BT01",
        "defect_duplicate_1_on",
        20,
        Mutation.only(
            FileKind.EXO,
            lines -> {
              List<String> copy = new ArrayList<>(lines);
              copy.add(8, copy.get(7));
              return copy;
            }));
    tree.trial("BT01", "defect_empty-trial_1_on", 0);
    tree.trial(
        "BT01",
        "defect_short_1_on",
        20,
        Mutation.only(FileKind.MOMENT, lines -> lines.subList(0, lines.size() - 10)));
    tree.trial("BT99", "normal_walk_1_1_on", 20);
  }

  @AfterAll
  static void tearDown() {
    spark.stop();
  }

  private PrepareResult prepare(String outputName, EtlConfig config, Engines engine)
      throws Exception {
    PrepareOptions options =
        new PrepareOptions(
            input.toUri().toString(),
            work.resolve(outputName).toUri().toString(),
            List.of(),
            config);
    return new PrepareJob(spark, options, RunProgress.NONE, engine.create()).execute();
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void everyTrialFolderEndsUpWrittenOrRejectedWithItsReason(Engines engine) throws Exception {
    PrepareResult result = prepare("out-keep-" + engine, CONFIG, engine);

    Map<String, ReasonCode> rejected =
        result.rejects().stream()
            .collect(
                Collectors.toMap(
                    r -> r.trial().toString(), Reject::code, (a, b) -> a, TreeMap::new));
    assertThat(rejected)
        .containsExactlyInAnyOrderEntriesOf(
            Map.ofEntries(
                Map.entry("BT01/defect_missing-file_1_on", ReasonCode.MISSING_FILE),
                Map.entry("BT01/defect_empty-file_1_on", ReasonCode.EMPTY_FILE),
                Map.entry("BT01/defect_missing-column_1_on", ReasonCode.MISSING_COLUMN),
                Map.entry("BT01/defect_field-count_1_on", ReasonCode.MALFORMED_ROW),
                Map.entry("BT01/defect_text_1_on", ReasonCode.MALFORMED_ROW),
                Map.entry("BT01/defect_truncated_1_on", ReasonCode.MALFORMED_ROW),
                Map.entry("BT01/defect_infinite_1_on", ReasonCode.NON_FINITE),
                Map.entry("BT01/defect_duplicate_1_on", ReasonCode.DUPLICATE_TIMESTEP),
                Map.entry("BT01/defect_empty-trial_1_on", ReasonCode.EMPTY_TRIAL),
                Map.entry("BT01/defect_short_1_on", ReasonCode.LENGTH_MISMATCH),
                Map.entry("BT99/normal_walk_1_1_on", ReasonCode.UNKNOWN_PARTICIPANT)));
    assertThat(result.trialsFound()).isEqualTo(14);
    assertThat(result.trialsWritten()).isEqualTo(3);
    List<Row> rows =
        spark
            .read()
            .parquet(work.resolve("out-keep-" + engine + "/data").toString())
            .collectAsList();
    assertThat(rows).hasSize(3);
    assertThat(Files.exists(work.resolve("out-keep-" + engine + "/_SUCCESS"))).isTrue();
    // Read file by file in name order (as the Hub's datasets library does), a participant's
    // trials come in trial order, whichever order the tasks ran in.
    List<String> inFileOrder = new java.util.ArrayList<>();
    Path folder = work.resolve("out-keep-" + engine + "/data/subject=BT01");
    try (java.util.stream.Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".parquet")).sorted().toList()) {
        spark.read().parquet(file.toString()).select("trial_name").collectAsList().stream()
            .map(row -> row.getString(0))
            .forEach(inFileOrder::add);
      }
    }
    assertThat(inFileOrder).containsExactly("jump_1_1_vertical_on", "normal_walk_1_1-2_on");
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void rejectDetailsNameTheFileLineAndColumn(Engines engine) throws Exception {
    PrepareResult result = prepare("out-details-" + engine, CONFIG, engine);
    Map<String, String> details =
        result.rejects().stream().collect(Collectors.toMap(r -> r.trial().trial(), Reject::detail));
    assertThat(details.get("defect_text_1_on"))
        .isEqualTo(
            "BT01_defect_text_1_on_exo.csv line 5: column thigh_imu_l_accel_y is not a number");
    assertThat(details.get("defect_field-count_1_on"))
        .isEqualTo("BT01_defect_field-count_1_on_exo.csv line 11: 25 fields, the header has 26");
    assertThat(details.get("defect_infinite_1_on"))
        .isEqualTo(
            "BT01_defect_infinite_1_on_moment_filt_bio.csv line 4: column knee_angle_r_moment is infinite");
    assertThat(details.get("defect_missing-column_1_on"))
        .isEqualTo("BT01_defect_missing-column_1_on_angle_filt.csv has no column knee_angle_r");
    assertThat(details.get("defect_short_1_on"))
        .startsWith(
            "time step 8356 (t = 41.780 s) is in exo, angle_filt but not in moment_filt_bio");
    assertThat(details.get("defect_duplicate_1_on"))
        .isEqualTo(
            "BT01_defect_duplicate_1_on_exo.csv line 9: time step 8352 does not follow step 8352 (time repeats or goes backwards)");
    assertThat(details.get("defect_truncated_1_on"))
        .isEqualTo(
            "BT01_defect_truncated_1_on_moment_filt_bio.csv line 21: the last line is cut off (no line end, 4 of 6 fields)");
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void writtenValuesMatchTheCsvCellsInTimeOrderWhateverTheColumnOrder(Engines engine)
      throws Exception {
    prepare("out-values-" + engine, CONFIG, engine);
    Row jump =
        spark
            .read()
            .parquet(work.resolve("out-values-" + engine + "/data").toString())
            .where("trial_name = 'jump_1_1_vertical_on'")
            .first();
    assertThat(jump.<String>getAs("participant")).isEqualTo("BT01");
    assertThat(jump.<Integer>getAs("sequence_length")).isEqualTo(40);
    assertThat(jump.<Double>getAs("mass_kg")).isCloseTo(80.59, within(1e-9));
    List<List<Float>> imu = matrix(jump, "imu_features");
    List<List<Float>> angle = matrix(jump, "angle_features");
    List<List<Float>> moment = matrix(jump, "moment_targets");
    assertThat(imu).hasSize(40).allSatisfy(row -> assertThat(row).hasSize(24));
    assertThat(angle).hasSize(40).allSatisfy(row -> assertThat(row).hasSize(4));
    for (int i = 0; i < 40; i++) {
      for (int c = 0; c < 24; c++) {
        assertThat(imu.get(i).get(c))
            .isEqualTo((float) TrialTreeBuilder.value(FileKind.EXO, c, FIRST_STEP + i));
      }
      for (int c = 0; c < 4; c++) {
        assertThat(angle.get(i).get(c))
            .isEqualTo((float) TrialTreeBuilder.value(FileKind.ANGLE, c, FIRST_STEP + i));
      }
    }
    // File line 6 (row index 4) has an empty field in moment column 0, line 7 (index 5) "NaN" in
    // column 1.
    assertThat(moment.get(4).get(0)).isNaN();
    assertThat(moment.get(5).get(1)).isNaN();
    assertThat(moment.get(5).get(0))
        .isEqualTo((float) TrialTreeBuilder.value(FileKind.MOMENT, 0, FIRST_STEP + 5));
    assertThat(moment.get(4).get(1))
        .isEqualTo((float) TrialTreeBuilder.value(FileKind.MOMENT, 1, FIRST_STEP + 4));
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void nanPolicyRejectRejectsTrialsWithNan(Engines engine) throws Exception {
    PrepareResult result =
        prepare("out-reject-" + engine, CONFIG.withNanPolicy(NanPolicy.REJECT), engine);
    Reject jump =
        result.rejects().stream()
            .filter(r -> r.trial().equals(new TrialId("BT01", "jump_1_1_vertical_on")))
            .findFirst()
            .orElseThrow();
    assertThat(jump.code()).isEqualTo(ReasonCode.NAN);
    assertThat(jump.detail())
        .isEqualTo(
            "BT01_jump_1_1_vertical_on_moment_filt_bio.csv line 6: column hip_flexion_l_moment is NaN");
    assertThat(result.trialsWritten()).isEqualTo(2);
  }

  private static List<List<Float>> matrix(Row row, String column) {
    List<List<Float>> result = new ArrayList<>();
    for (Object inner : row.getList(row.fieldIndex(column))) {
      result.add(
          scala.jdk.javaapi.CollectionConverters.asJava((scala.collection.Seq<Float>) inner));
    }
    return result;
  }
}
