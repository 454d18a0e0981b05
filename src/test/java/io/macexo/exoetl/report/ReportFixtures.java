package io.macexo.exoetl.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.macexo.exoetl.config.ConfigLoader;
import io.macexo.exoetl.model.IncrementalPlan;
import io.macexo.exoetl.model.PrepareResult;
import io.macexo.exoetl.model.ReasonCode;
import io.macexo.exoetl.model.Reject;
import io.macexo.exoetl.model.Selection;
import io.macexo.exoetl.model.TaskFamily;
import io.macexo.exoetl.model.TrialId;
import io.macexo.exoetl.model.TrialSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Realistic report inputs without Spark: 15 participants, about 1,600 trials over the 26 task
 * families with Phase1-like lengths, one reject per reason code (one with markup in its name),
 * stats.json for the 32 features (two flagged), and a 12,001-sample walking trial with a NaN block.
 */
public final class ReportFixtures {
  static final Selection FEATURES = ConfigLoader.defaults().selection();
  static final String HOSTILE_TRIAL = "jump_1_<script>alert(1)</script>_on";
  static final String HOSTILE_DETAIL =
      "BT06_jump_1_<script>alert(1)</script>_on_exo.csv line 7: column <b>knee</b> & \"time\" is not a number";
  static final List<String> PARTICIPANTS =
      List.of(
          "BT01", "BT02", "BT03", "BT06", "BT07", "BT08", "BT09", "BT10", "BT11", "BT12", "BT13",
          "BT14", "BT15", "BT16", "BT17");
  private static final Map<String, int[]> FAMILY_LENGTHS = familyLengths();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ReportFixtures() {}

  public static ReportInputs inputs() {
    return new ReportInputs(result(), 200, sparkSettings(), stats(), example(12_001));
  }

  static PrepareResult result() {
    Random random = new Random(7);
    List<TrialSummary> trials = new ArrayList<>();
    for (String participant : PARTICIPANTS) {
      int perFamily = participant.compareTo("BT13") >= 0 ? 3 : 5;
      FAMILY_LENGTHS.forEach(
          (family, range) -> {
            for (int i = 1; i <= perFamily; i++) {
              int length = range[0] + random.nextInt(range[1] - range[0] + 1);
              String trial = family + "_1_" + i + (i % 2 == 0 ? "_on" : "_off");
              trials.add(TrialSummary.written(new TrialId(participant, trial), length, null));
            }
          });
    }
    int index = 0;
    for (ReasonCode code : ReasonCode.values()) {
      String participant =
          code == ReasonCode.UNKNOWN_PARTICIPANT ? "BT99" : PARTICIPANTS.get(index++);
      String trial =
          code == ReasonCode.MALFORMED_ROW ? HOSTILE_TRIAL : "stairs_2_" + index + "_up_on";
      String detail =
          code == ReasonCode.MALFORMED_ROW ? HOSTILE_DETAIL : sentence(code, participant, trial);
      TrialId id = new TrialId(participant, trial);
      trials.add(TrialSummary.rejected(new Reject(id, code, detail)));
    }
    trials.sort((a, b) -> a.id().compareTo(b.id()));
    List<String> participants = new ArrayList<>(PARTICIPANTS);
    participants.add("BT99");
    return new PrepareResult(
        "20261122T010002-55457c40",
        "s3a://lab/Phase1And2_Parsed/Parsed/",
        "s3a://lab/exo-phase1",
        Instant.parse("2026-11-22T01:00:02Z"),
        Duration.ofSeconds(1234),
        participants,
        trials,
        42L * 1024 * 1024 * 1024,
        3_900_000_000L,
        plan(participants),
        List.of());
  }

  /** A first run: every participant new. */
  static IncrementalPlan plan(List<String> participants) {
    Map<String, IncrementalPlan.Change> changes = new LinkedHashMap<>();
    participants.forEach(p -> changes.put(p, IncrementalPlan.Change.NEW));
    return new IncrementalPlan(changes, List.of());
  }

  static Map<String, String> sparkSettings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("spark.master", "local[*]");
    settings.put("spark.app.name", "exo-etl");
    settings.put("spark.sql.shuffle.partitions", "4");
    settings.put("spark.executor.memory", "4g");
    settings.put("spark.hadoop.fs.s3a.secret.key", "SECRETVALUE123");
    settings.put("spark.ui.showConsoleProgress", "false");
    return settings;
  }

  /** stats.json as the main run writes it; thigh_imu_r_accel_y is in mm/s² for BT07. */
  static JsonNode stats() {
    ObjectNode root = MAPPER.createObjectNode();
    root.set("features", features(false));
    ObjectNode participants = root.putObject("participants");
    for (String participant : PARTICIPANTS) {
      participants.putObject(participant).set("features", features(participant.equals("BT07")));
    }
    ObjectNode lengths = root.putObject("sequence_length");
    lengths.put("count", 1_600).put("min", 216).put("max", 30_801).put("mean", 5565.2);
    lengths.put("p50", 4001).put("p90", 15_001);
    lengths.putArray("histogram").addObject().put("lower", 0).put("upper", 1000).put("count", 3);
    root.putObject("task_families").put("normal_walk", 20);
    return root;
  }

  private static ArrayNode features(boolean wrongUnit) {
    ArrayNode features = MAPPER.createArrayNode();
    for (String name : FEATURES.group(0).features()) {
      boolean accel = name.contains("accel");
      double scale = accel ? 12 : 250;
      double offset = name.endsWith("accel_y") ? 9.8 : 0;
      if (wrongUnit && name.equals("thigh_imu_r_accel_y")) {
        scale *= 1000;
        offset *= 1000;
      }
      add(features, name, "imu", accel ? "m/s^2" : "deg/s", offset, scale, 0.01);
    }
    for (String name : FEATURES.group(1).features()) {
      add(features, name, "angle", "deg", name.startsWith("knee") ? -30 : 15, 25, 0.0);
    }
    for (String name : FEATURES.group(2).features()) {
      double nan = name.equals("knee_angle_r_moment") ? 0.62 : 0.08;
      add(features, name, "moment", "Nm/kg", 0.1, 0.6, nan);
    }
    return features;
  }

  private static void add(
      ArrayNode features,
      String name,
      String group,
      String unit,
      double mean,
      double std,
      double nan) {
    long samples = 9_000_000;
    long nanCount = Math.round(samples * nan);
    features
        .addObject()
        .put("name", name)
        .put("group", group)
        .put("unit", unit)
        .put("count", samples - nanCount)
        .put("nan_count", nanCount)
        .put("mean", mean)
        .put("std", std)
        .put("min", mean - 4.2 * std)
        .put("max", mean + 3.7 * std);
  }

  /**
   * A walking trial: hip and knee angles and moments at 1 Hz strides, NaN in a block of moments.
   */
  static ExampleTrial example(int length) {
    float[][] angles = new float[length][4];
    float[][] moments = new float[length][4];
    for (int i = 0; i < length; i++) {
      double phase = 2 * Math.PI * i / 200.0;
      angles[i] =
          new float[] {
            (float) (20 * Math.sin(phase) + 10), (float) (20 * Math.sin(phase + Math.PI) + 10),
            (float) (-30 + 30 * Math.sin(2 * phase)),
                (float) (-30 + 30 * Math.sin(2 * phase + Math.PI))
          };
      boolean gap = i >= length / 2 && i < length / 2 + 1200;
      moments[i] =
          new float[] {
            (float) (0.8 * Math.cos(phase)),
            (float) (0.8 * Math.cos(phase + Math.PI)),
            gap ? Float.NaN : (float) (0.5 * Math.sin(2 * phase)),
            gap ? Float.NaN : (float) (0.5 * Math.sin(2 * phase + Math.PI))
          };
    }
    return new ExampleTrial(
        "BT01",
        "normal_walk_1_1-2_on",
        200,
        List.of(
            new ExampleTrial.Matrix("angle_features", "deg", FEATURES.group(1).features(), angles),
            new ExampleTrial.Matrix(
                "moment_targets", "Nm/kg", FEATURES.group(2).features(), moments)));
  }

  private static String sentence(ReasonCode code, String participant, String trial) {
    return participant + "_" + trial + "_angle_filt.csv: " + code.meaning();
  }

  private static Map<String, int[]> familyLengths() {
    Map<String, int[]> lengths = new LinkedHashMap<>();
    for (String walk : List.of("normal_walk", "incline_walk", "walk_backward", "weighted_walk")) {
      lengths.put(walk, new int[] {4001, 4001});
    }
    lengths.put("jump", new int[] {1201, 6201});
    lengths.put("squats", new int[] {3201, 3601});
    lengths.put("cutting", new int[] {6801, 9801});
    lengths.put("sit_to_stand", new int[] {11_801, 15_001});
    lengths.put("lunges", new int[] {16_601, 22_201});
    lengths.put("curb_up", new int[] {3000, 25_201});
    lengths.put("stairs", new int[] {216, 508});
    for (String other : TaskFamily.NAMES) {
      lengths.putIfAbsent(other, new int[] {2000, 9000});
    }
    return lengths;
  }
}
