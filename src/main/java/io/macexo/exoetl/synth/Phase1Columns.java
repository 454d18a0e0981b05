package io.macexo.exoetl.synth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The column headers of every per-trial file kind of the Phase1 release, declared once, as
 * PHASE1.md describes them. The three kinds the job reads ({@link #EXO}, {@link #ANGLE_FILT},
 * {@link #MOMENT_FILT_BIO}) are exact; the headers of the twelve kinds nobody reads are plausible
 * inventions (the real ones are not documented), there only so that each trial folder holds its 15
 * files.
 *
 * <p>Every list here holds data columns only: files start with {@link #TIME} in front of them.
 */
public final class Phase1Columns {
  /** The first column of every file: seconds within the capture, at 200 Hz. */
  public static final String TIME = "time";

  /** Side suffixes, left first: every file lists the left side before the right. */
  public static final List<String> SIDES = List.of("l", "r");

  /** The exo's two actuated joints; the exo names their channels {@code <joint>_angle_<side>}. */
  public static final List<String> EXO_JOINTS = List.of("hip", "knee");

  /**
   * What the exo records per joint, appended to {@code <joint>_angle_<side>} (empty = the angle).
   */
  public static final List<String> EXO_JOINT_CHANNELS =
      List.of(
          "",
          "_velocity",
          "_velocity_filt",
          "_torque_estimated",
          "_torque_desired",
          "_torque_measured",
          "_torque_interaction");

  /** Phase 1 never filled this channel: the whole column is NaN in every trial. */
  public static final String TORQUE_ESTIMATED_SUFFIX = "_torque_estimated";

  /** IMU positions, in file order. */
  public static final List<String> IMU_SEGMENTS = List.of("thigh", "shank", "foot");

  /** IMU channels per segment, in file order. */
  public static final List<String> IMU_CHANNELS =
      List.of("accel_x", "accel_y", "accel_z", "gyro_x", "gyro_y", "gyro_z");

  /** Insole channels per side, in file order. */
  public static final List<String> INSOLE_CHANNELS = List.of("force_y", "cop_x", "cop_z");

  /**
   * OpenSim coordinates of angle_filt and moment_filt_bio, each followed by {@code _l} then {@code
   * _r}.
   */
  public static final List<String> COORDINATES =
      List.of(
          "hip_flexion",
          "hip_adduction",
          "hip_rotation",
          "knee_angle",
          "ankle_angle",
          "subtalar_angle");

  /**
   * Suffix of every moment column: the real files carry it (an internal planning note omits it).
   */
  public static final String MOMENT_SUFFIX = "_moment";

  /** {@code {P}_{T}_exo.csv}: 35 channels of the left side, then the same 35 of the right. */
  public static final List<String> EXO = exoColumns();

  /** {@code {P}_{T}_angle_filt.csv}: joint angles in degrees, knee flexion negative. */
  public static final List<String> ANGLE_FILT = coordinateColumns("");

  /** {@code {P}_{T}_moment_filt_bio.csv}: biological joint moments in Nm/kg. */
  public static final List<String> MOMENT_FILT_BIO = coordinateColumns(MOMENT_SUFFIX);

  /**
   * Kind suffix of the three files the job reads, as in {@code BT01_squats_1_1_on_angle_filt.csv}.
   */
  public static final String EXO_KIND = "exo";

  public static final String ANGLE_FILT_KIND = "angle_filt";
  public static final String MOMENT_FILT_BIO_KIND = "moment_filt_bio";

  /**
   * The twelve kinds nobody reads, with invented headers. {@code power_exo} ends in {@code
   * _exo.csv} and {@code exo_sim} starts like {@code exo}: both are there to catch suffix and
   * prefix matching.
   */
  public static final Map<String, List<String>> UNREAD_KINDS = unreadKinds();

  private Phase1Columns() {}

  /** All 15 kind suffixes in the order a trial's files are written. */
  public static List<String> allKinds() {
    List<String> kinds = new ArrayList<>(List.of(EXO_KIND, ANGLE_FILT_KIND, MOMENT_FILT_BIO_KIND));
    kinds.addAll(UNREAD_KINDS.keySet());
    return List.copyOf(kinds);
  }

  /** The file name of one kind of a trial: {@code {participant}_{trial}_{kind}.csv}. */
  public static String fileName(String participant, String trial, String kind) {
    return participant + "_" + trial + "_" + kind + ".csv";
  }

  private static List<String> exoColumns() {
    List<String> columns = new ArrayList<>();
    for (String side : SIDES) {
      for (String joint : EXO_JOINTS) {
        for (String channel : EXO_JOINT_CHANNELS) {
          columns.add(joint + "_angle_" + side + channel);
        }
      }
      for (String segment : IMU_SEGMENTS) {
        for (String channel : IMU_CHANNELS) {
          columns.add(segment + "_imu_" + side + "_" + channel);
        }
      }
      for (String channel : INSOLE_CHANNELS) {
        columns.add("insole_" + side + "_" + channel);
      }
    }
    return List.copyOf(columns);
  }

  private static List<String> coordinateColumns(String suffix) {
    List<String> columns = new ArrayList<>();
    for (String coordinate : COORDINATES) {
      for (String side : SIDES) {
        columns.add(coordinate + "_" + side + suffix);
      }
    }
    return List.copyOf(columns);
  }

  private static Map<String, List<String>> unreadKinds() {
    Map<String, List<String>> kinds = new LinkedHashMap<>();
    kinds.put("exo_sim", perSide("hip_angle_%s_torque_sim", "knee_angle_%s_torque_sim"));
    kinds.put(
        "imu_sim", perSide("thigh_imu_%s_accel_y", "shank_imu_%s_accel_y", "foot_imu_%s_accel_y"));
    kinds.put("insole_sim", perSide("insole_%s_force_y", "insole_%s_cop_x", "insole_%s_cop_z"));
    kinds.put("velocity", coordinateColumns(""));
    kinds.put("moment_filt", coordinateColumns(MOMENT_SUFFIX));
    kinds.put("power", coordinateColumns("_power"));
    kinds.put("power_bio", coordinateColumns("_power"));
    kinds.put("power_exo", coordinateColumns("_power"));
    kinds.put("grf", perSide("ground_force_%s_vx", "ground_force_%s_vy", "ground_force_%s_vz"));
    kinds.put("activity_flag", List.of("activity_flag"));
    kinds.put("moment", coordinateColumns(MOMENT_SUFFIX));
    kinds.put("angle", coordinateColumns(""));
    return Collections.unmodifiableMap(kinds);
  }

  private static List<String> perSide(String... patterns) {
    List<String> columns = new ArrayList<>();
    for (String side : SIDES) {
      for (String pattern : patterns) {
        columns.add(String.format(pattern, side));
      }
    }
    return List.copyOf(columns);
  }
}
