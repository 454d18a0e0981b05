package io.macexo.exoetl.synth;

import java.util.List;

/**
 * The gait-like signal of one column: {@code offset + amplitude * sin(2 pi (harmonic * cycle +
 * phase))} plus uniform noise, where {@code cycle} counts strides. Left and right sides are half a
 * stride apart. Levels follow PHASE1.md's units: angles in degrees (knee flexion negative), gyro in
 * deg/s, accel in m/s^2 with gravity on y, torques in Nm, insole force in N, moments in Nm/kg
 * within about -3 to 2.
 *
 * @param alwaysNaN whether the column is NaN in every row (Phase 1's {@code *_torque_estimated})
 */
record ColumnSignal(
    double offset, double amplitude, int harmonic, double phase, double noise, boolean alwaysNaN) {
  /** Relative noise on every signal: enough to look measured, small enough to keep the shape. */
  private static final double NOISE_SHARE = 0.03;

  /** Half a stride: the right side mirrors the left one. */
  private static final double RIGHT_SIDE_PHASE = 0.5;

  /**
   * Name fragment to (offset, amplitude, harmonic, phase), first match wins: specific before
   * general.
   */
  private static final List<Rule> RULES =
      List.of(
          new Rule("_moment", "hip_flexion", -0.2, 0.9, 1, 0.0),
          new Rule("_moment", "hip_adduction", -0.4, 0.5, 2, 0.1),
          new Rule("_moment", "hip_rotation", 0.0, 0.1, 1, 0.2),
          new Rule("_moment", "knee_angle", 0.1, 0.5, 2, 0.3),
          new Rule("_moment", "ankle_angle", -0.6, 0.8, 1, 0.4),
          new Rule("_moment", "", 0.0, 0.1, 1, 0.0),
          new Rule("_velocity", "", 0.0, 180.0, 1, 0.25),
          new Rule("_torque_interaction", "", 0.0, 2.0, 1, 0.1),
          new Rule("_torque", "", 0.0, 8.0, 1, 0.05),
          new Rule("accel_y", "", 9.81, 2.5, 2, 0.0),
          new Rule("accel", "", 0.0, 3.0, 2, 0.1),
          new Rule("gyro_z", "", 0.0, 200.0, 1, 0.0),
          new Rule("gyro", "", 0.0, 60.0, 1, 0.2),
          new Rule("force_y", "", 400.0, 320.0, 1, 0.0),
          new Rule("cop", "", 0.0, 0.06, 1, 0.3),
          new Rule("", "hip_flexion", 10.0, 25.0, 1, 0.0),
          new Rule("", "hip_angle", 10.0, 25.0, 1, 0.0),
          new Rule("", "hip_adduction", 0.0, 6.0, 2, 0.1),
          new Rule("", "hip_rotation", 2.0, 5.0, 1, 0.2),
          new Rule("", "knee_angle", -35.0, 28.0, 1, 0.15),
          new Rule("", "ankle_angle", 2.0, 12.0, 1, 0.4),
          new Rule("", "subtalar_angle", 0.0, 4.0, 1, 0.3),
          new Rule("", "", 0.0, 1.0, 1, 0.0));

  /** The signal of a column, from its name. */
  static ColumnSignal of(String column) {
    if (column.endsWith(Phase1Columns.TORQUE_ESTIMATED_SUFFIX)) {
      return new ColumnSignal(0, 0, 1, 0, 0, true);
    }
    Rule rule =
        RULES.stream().filter(candidate -> candidate.matches(column)).findFirst().orElseThrow();
    double phase = rule.phase() + (isRightSide(column) ? RIGHT_SIDE_PHASE : 0);
    return new ColumnSignal(
        rule.offset(),
        rule.amplitude(),
        rule.harmonic(),
        phase,
        NOISE_SHARE * rule.amplitude(),
        false);
  }

  /** The value at a stride count, before noise is added. */
  double shape(double cycle, double gain) {
    return offset + amplitude * gain * Sine.ofTurns(harmonic * cycle + phase);
  }

  private static boolean isRightSide(String column) {
    return column.endsWith("_r") || column.contains("_r_");
  }

  /** A column matches when its name contains {@code fragment} and starts with {@code prefix}. */
  private record Rule(
      String fragment, String prefix, double offset, double amplitude, int harmonic, double phase) {
    boolean matches(String column) {
      return column.contains(fragment) && column.startsWith(prefix);
    }
  }
}
