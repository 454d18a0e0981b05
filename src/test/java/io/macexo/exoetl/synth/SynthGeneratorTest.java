package io.macexo.exoetl.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.macexo.exoetl.model.ReasonCode;
import io.macexo.exoetl.model.TrialId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated tree: layout, headers, time base, quirks, defects and determinism. One tree with
 * every task family and the defect trials is generated once for the class, at a tiny scale.
 */
class SynthGeneratorTest {
  /** Every family appears once per participant: trials cycle through the 26 families. */
  private static final int TRIALS = TaskFamily.values().length;

  /** Tiny: most trials get the minimum of 20 rows. */
  private static final double SCALE = 0.005;

  private static final List<String> PARTICIPANTS = List.of("BT01", "BT02", "BT03");

  /** Trial folder grammar: {@code <task>_<session>[_<repeat>][_<descriptor>]_<on|off>}. */
  private static final String TRIAL_GRAMMAR = "[a-z_]+_\\d+(_\\d+)?(_[a-z0-9-]+)?_(on|off)";

  @TempDir static Path shared;

  private static SynthResult result;

  @BeforeAll
  static void generateOnce() throws IOException {
    result =
        SynthGenerator.generate(
            new SynthOptions(shared.resolve("tree"), PARTICIPANTS, TRIALS, SCALE, 42, true));
  }

  @Test
  void writesTheRootWithStrayFilesAndOneFolderPerParticipant() {
    Set<String> entries =
        CsvText.list(result.root()).stream()
            .map(path -> path.getFileName().toString())
            .collect(Collectors.toSet());

    assertThat(entries)
        .containsExactlyInAnyOrder("LICENSE", ".DS_Store", "BT01", "BT02", "BT03", "BT99");
    assertThat(result.participants()).isEqualTo(4);
    assertThat(result.trials()).isEqualTo(3 * TRIALS + Defect.values().length);
    assertThat(result.files()).isEqualTo(CsvText.tree(result.root()).size());
    assertThat(result.bytes())
        .isEqualTo(
            CsvText.tree(result.root()).values().stream().mapToLong(bytes -> bytes.length).sum());
  }

  @Test
  void writesFifteenExactlyNamedFilesPerGoodTrial() {
    for (String participant : PARTICIPANTS) {
      List<String> trials = CsvText.trials(result.root(), participant);
      assertThat(trials.stream().filter(trial -> !trial.startsWith("defect_"))).hasSize(TRIALS);
      for (String trial : trials) {
        assertThat(trial).matches(TRIAL_GRAMMAR);
        if (!result.intendedRejects().containsKey(new TrialId(participant, trial))) {
          Set<String> names =
              CsvText.list(result.root().resolve(participant).resolve(trial)).stream()
                  .map(path -> path.getFileName().toString())
                  .collect(Collectors.toSet());
          Set<String> expected =
              Phase1Columns.allKinds().stream()
                  .map(kind -> participant + "_" + trial + "_" + kind + ".csv")
                  .collect(Collectors.toSet());
          assertThat(names).hasSize(15).isEqualTo(expected);
        }
      }
    }
    assertThat(Phase1Columns.allKinds())
        .contains("power_exo", "exo_sim", "activity_flag")
        .hasSize(15);
  }

  @Test
  void writesTheExactHeadersOfTheReadFiles() {
    String trial = CsvText.trials(result.root(), "BT02").get(0);
    List<String> exo = CsvText.header(CsvText.file(result.root(), "BT02", trial, "exo"));
    List<String> moment =
        CsvText.header(CsvText.file(result.root(), "BT02", trial, "moment_filt_bio"));

    assertThat(exo)
        .hasSize(71)
        .startsWith(
            "time",
            "hip_angle_l",
            "hip_angle_l_velocity",
            "hip_angle_l_velocity_filt",
            "hip_angle_l_torque_estimated",
            "hip_angle_l_torque_desired",
            "hip_angle_l_torque_measured",
            "hip_angle_l_torque_interaction",
            "knee_angle_l");
    assertThat(exo.subList(15, 37))
        .containsExactly(
            "thigh_imu_l_accel_x",
            "thigh_imu_l_accel_y",
            "thigh_imu_l_accel_z",
            "thigh_imu_l_gyro_x",
            "thigh_imu_l_gyro_y",
            "thigh_imu_l_gyro_z",
            "shank_imu_l_accel_x",
            "shank_imu_l_accel_y",
            "shank_imu_l_accel_z",
            "shank_imu_l_gyro_x",
            "shank_imu_l_gyro_y",
            "shank_imu_l_gyro_z",
            "foot_imu_l_accel_x",
            "foot_imu_l_accel_y",
            "foot_imu_l_accel_z",
            "foot_imu_l_gyro_x",
            "foot_imu_l_gyro_y",
            "foot_imu_l_gyro_z",
            "insole_l_force_y",
            "insole_l_cop_x",
            "insole_l_cop_z",
            "hip_angle_r");
    assertThat(exo).endsWith("insole_r_force_y", "insole_r_cop_x", "insole_r_cop_z");
    assertThat(String.join(",", moment))
        .isEqualTo(
            "time,hip_flexion_l_moment,hip_flexion_r_moment,"
                + "hip_adduction_l_moment,hip_adduction_r_moment,hip_rotation_l_moment,hip_rotation_r_moment,"
                + "knee_angle_l_moment,knee_angle_r_moment,ankle_angle_l_moment,ankle_angle_r_moment,"
                + "subtalar_angle_l_moment,subtalar_angle_r_moment");
  }

  @Test
  void shufflesTheAngleColumnsOfEveryThirdTrialButKeepsTimeFirst() {
    List<String> canonical =
        List.of(
            "time",
            "hip_flexion_l",
            "hip_flexion_r",
            "hip_adduction_l",
            "hip_adduction_r",
            "hip_rotation_l",
            "hip_rotation_r",
            "knee_angle_l",
            "knee_angle_r",
            "ankle_angle_l",
            "ankle_angle_r",
            "subtalar_angle_l",
            "subtalar_angle_r");
    Set<List<String>> orders = new HashSet<>();
    for (String trial : goodTrials("BT01")) {
      List<String> header =
          CsvText.header(CsvText.file(result.root(), "BT01", trial, "angle_filt"));
      assertThat(header.get(0)).isEqualTo("time");
      assertThat(header).containsExactlyInAnyOrderElementsOf(canonical);
      orders.add(header);
    }
    assertThat(orders).contains(canonical).hasSizeGreaterThan(1);
  }

  @Test
  void startsTimeAfterZeroAndStepsOneSampleAtATimeInAllThreeFiles() {
    boolean noisyExoTime = false;
    for (String trial : goodTrials("BT02")) {
      List<String> exo = CsvText.column(CsvText.file(result.root(), "BT02", trial, "exo"), "time");
      List<String> angle =
          CsvText.column(CsvText.file(result.root(), "BT02", trial, "angle_filt"), "time");
      List<String> moment =
          CsvText.column(CsvText.file(result.root(), "BT02", trial, "moment_filt_bio"), "time");
      assertThat(Double.parseDouble(exo.get(0))).isGreaterThan(1.0);
      assertThat(samples(exo)).isEqualTo(samples(angle)).isEqualTo(samples(moment));
      List<Long> samples = samples(exo);
      for (int row = 1; row < samples.size(); row++) {
        assertThat(samples.get(row) - samples.get(row - 1))
            .as("%s row %d", trial, row)
            .isEqualTo(1);
      }
      assertThat(angle).allMatch(text -> text.matches("\\d+\\.\\d{3}"));
      noisyExoTime |= exo.stream().anyMatch(text -> text.length() > 12);
    }
    assertThat(noisyExoTime)
        .as("exo time shows accumulated double noise, e.g. 41.76000000000001")
        .isTrue();
  }

  @Test
  void spellsNanBothAsAnEmptyFieldAndAsNanText() {
    Set<String> spellings = new HashSet<>();
    for (String participant : PARTICIPANTS) {
      for (String trial : goodTrials(participant)) {
        Path exo = CsvText.file(result.root(), participant, trial, "exo");
        List<String> estimated = CsvText.column(exo, "knee_angle_r_torque_estimated");
        assertThat(estimated)
            .as("torque_estimated is NaN throughout")
            .containsOnly(estimated.get(0));
        spellings.add(estimated.get(0));
      }
    }
    assertThat(spellings).containsExactlyInAnyOrder("", "NaN");
  }

  @Test
  void writesTheQuirksOfTheRealFilesIntoGoodTrials() {
    List<String> trials = goodTrials("BT01");
    assertThat(trials.stream().filter(trial -> trial.startsWith("stairs_")).toList())
        .singleElement()
        .satisfies(stairs -> assertThat(countNanMomentColumns("BT01", stairs)).isEqualTo(6));
    assertThat(trials.stream().filter(trial -> trial.startsWith("cutting_")).toList())
        .singleElement()
        .satisfies(
            cutting -> assertThat(hasAllNanRow("BT01", cutting, "moment_filt_bio")).isTrue());
    assertThat(trials).anySatisfy(trial -> assertThat(hasAllNanRow("BT01", trial, "exo")).isTrue());
    assertThat(trials)
        .anySatisfy(
            trial ->
                assertThat(
                        CsvText.column(
                            CsvText.file(result.root(), "BT01", trial, "exo"),
                            TrialQuirks.UNSELECTED_TEXT_COLUMN))
                    .contains("n/a"));
  }

  @Test
  void writesValuesInThePhase1Units() {
    String trial = goodTrials("BT03").get(0);
    Path exo = CsvText.file(result.root(), "BT03", trial, "exo");
    Path moment = CsvText.file(result.root(), "BT03", trial, "moment_filt_bio");
    assertThat(numbers(CsvText.column(exo, "shank_imu_l_accel_y")))
        .allMatch(value -> value > 4 && value < 16);
    assertThat(
            numbers(
                CsvText.column(
                    CsvText.file(result.root(), "BT03", trial, "angle_filt"), "knee_angle_l")))
        .allMatch(value -> value < 1 && value > -80);
    assertThat(numbers(CsvText.column(moment, "hip_flexion_l_moment")))
        .allMatch(value -> value > -3 && value < 2);
  }

  @Test
  void writesTheSameBytesForTheSameSeedAndOthersForAnotherSeed(@TempDir Path temporary)
      throws IOException {
    SynthResult first = SynthGenerator.generate(small(temporary.resolve("first"), 7));
    SynthResult second = SynthGenerator.generate(small(temporary.resolve("second"), 7));
    SynthResult other = SynthGenerator.generate(small(temporary.resolve("other"), 8));

    Map<String, byte[]> firstTree = CsvText.tree(first.root());
    Map<String, byte[]> secondTree = CsvText.tree(second.root());
    assertThat(secondTree.keySet()).isEqualTo(firstTree.keySet());
    firstTree.forEach((path, bytes) -> assertThat(secondTree.get(path)).as(path).isEqualTo(bytes));
    assertThat(CsvText.tree(other.root())).isNotEqualTo(firstTree);
    assertThat(
            CsvText.tree(other.root())
                .get("BT01/defect_1_empty-trial_on/BT01_defect_1_empty-trial_on_exo.csv"))
        .isEqualTo(
            firstTree.get("BT01/defect_1_empty-trial_on/BT01_defect_1_empty-trial_on_exo.csv"));
  }

  @Test
  void refusesAFolderThatIsNotEmpty(@TempDir Path temporary) throws IOException {
    Files.writeString(temporary.resolve("keep.txt"), "mine");

    assertThatThrownBy(() -> SynthGenerator.generate(small(temporary, 1)))
        .isInstanceOf(IOException.class)
        .hasMessage(
            "Cannot generate into " + temporary + ": the folder is not empty (choose a new one)");
  }

  @Test
  void rejectsBadOptionsNamingTheField() {
    Path output = Path.of("unused");
    assertThatThrownBy(() -> new SynthOptions(output, List.of("BT04"), 1, 0.1, 1, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("participants: 'BT04'");
    assertThatThrownBy(() -> new SynthOptions(output, List.of("BT01", "BT01"), 1, 0.1, 1, false))
        .hasMessage("participants names 'BT01' twice");
    assertThatThrownBy(() -> new SynthOptions(output, List.of("BT01"), 0, 0.1, 1, false))
        .hasMessage("trialsPerParticipant must be between 1 and 1000, not 0");
    assertThatThrownBy(() -> new SynthOptions(output, List.of("BT01"), 1, 0.0, 1, false))
        .hasMessage("scale must be greater than 0 and at most 10.0, not 0.0");
    assertThatThrownBy(() -> new SynthOptions(null, List.of("BT01"), 1, 0.1, 1, false))
        .hasMessage("output must be given");
  }

  @Test
  void listsEveryDefectTrialWithItsReasonCode() {
    assertThat(result.intendedRejects())
        .hasSize(Defect.values().length)
        .containsEntry(
            new TrialId("BT99", "defect_1_unknown-participant_on"), ReasonCode.UNKNOWN_PARTICIPANT)
        .doesNotContainValue(ReasonCode.NAN);
    assertThat(result.intendedRejects().values().stream().filter(ReasonCode.MALFORMED_ROW::equals))
        .hasSize(3);
  }

  @Test
  void leavesOutTheAngleFileOfMissingFile() {
    Path folder = result.root().resolve("BT01").resolve("defect_1_missing-file_on");
    assertThat(CsvText.list(folder)).hasSize(14);
    assertThat(defectFile(Defect.MISSING_FILE, "angle_filt")).doesNotExist();
  }

  @Test
  void gzipsTheWholeExoFileUnderItsCsvNameForNotCsv() throws IOException {
    byte[] compressed = Files.readAllBytes(defectFile(Defect.NOT_CSV, "exo"));
    assertThat(compressed).startsWith((byte) 0x1f, (byte) 0x8b);
    byte[] text;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      text = in.readAllBytes();
    }
    // Decompressed, it is the exo file of a good trial: header, then one line per sample.
    String csv = new String(text, StandardCharsets.US_ASCII);
    assertThat(csv).startsWith("time,").endsWith("\n");
    assertThat(csv.lines().count())
        .isEqualTo(CsvText.lines(defectFile(Defect.NOT_CSV, "angle_filt")).size());
  }

  @Test
  void writesAnEmptyMomentFileForEmptyFile() throws IOException {
    assertThat(Files.size(defectFile(Defect.EMPTY_FILE, "moment_filt_bio"))).isZero();
    assertThat(Files.size(defectFile(Defect.EMPTY_FILE, "exo"))).isPositive();
  }

  @Test
  void dropsKneeAngleRightFromHeaderAndRowsForMissingColumn() {
    Path angle = defectFile(Defect.MISSING_COLUMN, "angle_filt");
    assertThat(CsvText.header(angle))
        .hasSize(12)
        .doesNotContain("knee_angle_r")
        .contains("knee_angle_l");
    assertThat(CsvText.rows(angle)).allMatch(row -> row.size() == 12);
  }

  @Test
  void shortensExoRowTenForShortRow() {
    List<List<String>> rows = CsvText.rows(defectFile(Defect.SHORT_ROW, "exo"));
    assertThat(rows.get(Defect.SHORT_ROW_INDEX)).hasSize(70);
    assertThat(rows).filteredOn(row -> row.size() != 71).hasSize(1);
  }

  @Test
  void writesTextIntoASelectedExoColumnForTextValue() {
    assertThat(
            CsvText.column(
                defectFile(Defect.TEXT_IN_SELECTED_COLUMN, "exo"), "thigh_imu_l_accel_x"))
        .containsOnlyOnce("abc");
  }

  @Test
  void cutsTheLastMomentLineForTruncatedLine() throws IOException {
    Path moment = defectFile(Defect.TRUNCATED_LAST_LINE, "moment_filt_bio");
    byte[] bytes = Files.readAllBytes(moment);
    List<String> lines = CsvText.lines(moment);
    assertThat(bytes[bytes.length - 1]).isNotEqualTo((byte) '\n');
    assertThat(CsvText.fields(lines.get(lines.size() - 1))).hasSizeBetween(2, 12);
    assertThat(lines.subList(0, lines.size() - 1))
        .allMatch(line -> CsvText.fields(line).size() == 13);
  }

  @Test
  void writesInfinityIntoKneeAngleRightMomentForInfinity() {
    assertThat(
            CsvText.column(defectFile(Defect.INFINITY, "moment_filt_bio"), "knee_angle_r_moment"))
        .containsOnlyOnce("Infinity");
  }

  @Test
  void repeatsOneExoRowWithoutChangingTheRowCountForDuplicateTime() {
    List<String> lines = CsvText.lines(defectFile(Defect.DUPLICATE_TIMESTEP, "exo"));
    List<String> repeats =
        IntStream.range(2, lines.size())
            .filter(index -> lines.get(index).equals(lines.get(index - 1)))
            .mapToObj(lines::get)
            .toList();
    assertThat(repeats).hasSize(1);
    assertThat(lines)
        .hasSameSizeAs(CsvText.lines(defectFile(Defect.DUPLICATE_TIMESTEP, "moment_filt_bio")));
  }

  @Test
  void writesHeadersOnlyForEmptyTrial() {
    for (String kind : List.of("exo", "angle_filt", "moment_filt_bio")) {
      assertThat(CsvText.lines(defectFile(Defect.EMPTY_TRIAL, kind))).as(kind).hasSize(1);
    }
  }

  @Test
  void dropsTheLastTenMomentRowsForLengthMismatch() {
    List<String> exo = CsvText.column(defectFile(Defect.LENGTH_MISMATCH, "exo"), "time");
    List<String> moment =
        CsvText.column(defectFile(Defect.LENGTH_MISMATCH, "moment_filt_bio"), "time");
    assertThat(moment).hasSize(exo.size() - 10);
    assertThat(samples(moment)).isEqualTo(samples(exo).subList(0, exo.size() - 10));
  }

  @Test
  void writesANormalTrialOfBt99ForUnknownParticipant() {
    assertThat(CsvText.trials(result.root(), "BT99"))
        .containsExactly("defect_1_unknown-participant_on");
    assertThat(
            CsvText.list(result.root().resolve("BT99").resolve("defect_1_unknown-participant_on")))
        .hasSize(15);
  }

  private static SynthOptions small(Path output, long seed) {
    return new SynthOptions(output, List.of("BT01", "BT02"), 2, SCALE, seed, true);
  }

  private static Path defectFile(Defect defect, String kind) {
    String participant = defect == Defect.UNKNOWN_PARTICIPANT ? "BT99" : "BT01";
    return CsvText.file(result.root(), participant, defect.trialName(), kind);
  }

  private static List<String> goodTrials(String participant) {
    return CsvText.trials(result.root(), participant).stream()
        .filter(trial -> !trial.startsWith("defect_"))
        .toList();
  }

  /**
   * Sample indices from time texts: the three files must agree on these, whatever their spelling.
   */
  private static List<Long> samples(List<String> times) {
    return times.stream().map(text -> Math.round(Double.parseDouble(text) * 200)).toList();
  }

  private static List<Double> numbers(List<String> texts) {
    return texts.stream()
        .filter(text -> !text.isEmpty() && !text.equals("NaN"))
        .map(Double::parseDouble)
        .toList();
  }

  private static long countNanMomentColumns(String participant, String trial) {
    Path moment = CsvText.file(result.root(), participant, trial, "moment_filt_bio");
    return Phase1Columns.MOMENT_FILT_BIO.stream()
        .filter(column -> numbers(CsvText.column(moment, column)).isEmpty())
        .count();
  }

  /** Whether some data row has every data column NaN (time is never NaN). */
  private static boolean hasAllNanRow(String participant, String trial, String kind) {
    return CsvText.rows(CsvText.file(result.root(), participant, trial, kind)).stream()
        .anyMatch(
            row ->
                row.subList(1, row.size()).stream()
                    .allMatch(text -> text.isEmpty() || text.equals("NaN")));
  }
}
