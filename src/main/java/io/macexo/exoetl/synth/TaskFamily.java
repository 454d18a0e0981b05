package io.macexo.exoetl.synth;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The 26 task families of the Phase1 release: the task part of a trial folder name, how long a
 * trial runs, how its name is built and which known quirks its files carry.
 *
 * <p>Lengths of walking, jump, squats, cutting, sit_to_stand, lunges, curb and stairs trials come
 * from PHASE1.md "Typical lengths"; the other families' ranges are plausible guesses, and so are
 * most descriptors beyond the examples PHASE1.md gives.
 */
enum TaskFamily {
  NORMAL_WALK("normal_walk", 4_001, 4_001, Repeat.SOMETIMES, speeds(), Quirk.NONE),
  INCLINE_WALK(
      "incline_walk",
      4_001,
      4_001,
      Repeat.ALWAYS,
      List.of("up-5", "down-5", "up-10", "down-10"),
      Quirk.NONE),
  WALK_BACKWARD(
      "walk_backward", 4_001, 4_001, Repeat.ALWAYS, List.of("0-6", "0-8", "1-0"), Quirk.NONE),
  WEIGHTED_WALK("weighted_walk", 4_001, 4_001, Repeat.NEVER, List.of("25lbs", "45lbs"), Quirk.NONE),
  DYNAMIC_WALK(
      "dynamic_walk",
      4_001,
      4_001,
      Repeat.ALWAYS,
      List.of("high-knees", "butt-kicks", "toe-walk", "heel-walk"),
      Quirk.NONE),
  STAIRS(
      "stairs",
      216,
      508,
      Repeat.ALWAYS,
      List.of("up", "down"),
      Quirk.OVERGROUND,
      Quirk.ONE_SIDE_MOMENT_NAN),
  CURB_UP(
      "curb_up",
      2_401,
      25_201,
      Repeat.ALWAYS,
      List.of(),
      Quirk.OVERGROUND,
      Quirk.MOMENT_NAN_BLOCKS),
  CURB_DOWN(
      "curb_down",
      2_401,
      25_201,
      Repeat.ALWAYS,
      List.of(),
      Quirk.OVERGROUND,
      Quirk.MOMENT_NAN_BLOCKS),
  STEP_UPS("step_ups", 3_601, 6_001, Repeat.ALWAYS, List.of(), Quirk.NONE),
  SIT_TO_STAND("sit_to_stand", 11_801, 15_001, Repeat.ALWAYS, List.of(), Quirk.NONE),
  SQUATS("squats", 3_201, 3_601, Repeat.ALWAYS, List.of(), Quirk.NONE),
  LUNGES("lunges", 16_601, 22_201, Repeat.ALWAYS, List.of(), Quirk.NONE),
  JUMP(
      "jump",
      1_201,
      6_201,
      Repeat.ALWAYS,
      List.of("vertical", "180", "hop", "lateral"),
      Quirk.NONE),
  LIFT_WEIGHT(
      "lift_weight",
      6_001,
      12_001,
      Repeat.ALWAYS,
      List.of("25lbs-l-c", "25lbs-r-c", "25lbs-l-s", "0lbs-l-c"),
      Quirk.NONE),
  BALL_TOSS(
      "ball_toss", 4_001, 8_001, Repeat.ALWAYS, List.of("left", "right", "middle"), Quirk.NONE),
  CUTTING(
      "cutting",
      6_801,
      9_801,
      Repeat.NEVER,
      List.of("left-fast", "right-fast", "left-slow", "right-slow"),
      Quirk.OVERGROUND,
      Quirk.MOMENT_NAN_BLOCKS),
  MEANDER("meander", 4_001, 8_001, Repeat.ALWAYS, List.of(), Quirk.OVERGROUND),
  OBSTACLE_WALK("obstacle_walk", 4_001, 8_001, Repeat.ALWAYS, List.of(), Quirk.OVERGROUND),
  POSES("poses", 4_001, 8_001, Repeat.ALWAYS, List.of(), Quirk.NONE),
  PUSH("push", 2_001, 6_001, Repeat.ALWAYS, List.of(), Quirk.NONE),
  SIDE_SHUFFLE("side_shuffle", 2_001, 6_001, Repeat.ALWAYS, List.of(), Quirk.OVERGROUND),
  START_STOP(
      "start_stop",
      4_001,
      8_001,
      Repeat.ALWAYS,
      List.of(),
      Quirk.OVERGROUND,
      Quirk.MOMENT_NAN_BLOCKS),
  TIRE_RUN("tire_run", 4_001, 8_001, Repeat.ALWAYS, List.of(), Quirk.OVERGROUND),
  TUG_OF_WAR("tug_of_war", 4_001, 8_001, Repeat.ALWAYS, List.of(), Quirk.NONE),
  TURN_AND_STEP(
      "turn_and_step",
      2_001,
      6_001,
      Repeat.ALWAYS,
      List.of("left", "right"),
      Quirk.OVERGROUND,
      Quirk.MOMENT_NAN_BLOCKS),
  TWISTER("twister", 6_001, 12_001, Repeat.ALWAYS, List.of(), Quirk.NONE);

  /** Whether a trial name carries a repeat number after the session. */
  enum Repeat {
    NEVER,
    ALWAYS,
    /** Both forms exist, e.g. normal_walk_1_1-2_on and normal_walk_1_2_0-6_off. */
    SOMETIMES
  }

  /** Known quirks of the real files, per family (PHASE1.md "Quirks of the real files"). */
  enum Quirk {
    NONE,
    /** Overground trials can lose the exo's data for a span of rows (every exo column NaN). */
    OVERGROUND,
    /** moment_filt_bio has blocks of NaN rows (cutting, turn, curb, start/stop). */
    MOMENT_NAN_BLOCKS,
    /** moment_filt_bio has one side's six columns NaN for the whole trial (stairs). */
    ONE_SIDE_MOMENT_NAN
  }

  private final String task;
  private final int minimumRows;
  private final int maximumRows;
  private final Repeat repeat;
  private final List<String> descriptors;
  private final Set<Quirk> quirks;

  TaskFamily(
      String task,
      int minimumRows,
      int maximumRows,
      Repeat repeat,
      List<String> descriptors,
      Quirk... quirks) {
    this.task = task;
    this.minimumRows = minimumRows;
    this.maximumRows = maximumRows;
    this.repeat = repeat;
    this.descriptors = descriptors;
    this.quirks = EnumSet.of(Quirk.NONE, quirks);
  }

  /** The task part of the folder name, e.g. {@code sit_to_stand}. */
  String task() {
    return task;
  }

  /** Fewest rows of a full-length trial (before --scale). */
  int minimumRows() {
    return minimumRows;
  }

  /** Most rows of a full-length trial (before --scale). */
  int maximumRows() {
    return maximumRows;
  }

  Repeat repeat() {
    return repeat;
  }

  /** Descriptors to draw from; empty when the family's names carry none. */
  List<String> descriptors() {
    return descriptors;
  }

  boolean has(Quirk quirk) {
    return quirks.contains(quirk);
  }

  /** Treadmill speeds in m/s, a hyphen standing for the decimal point. */
  private static List<String> speeds() {
    return List.of("0-6", "0-8", "1-0", "1-2", "1-4", "1-6", "1-8", "2-0", "2-2", "2-5");
  }
}
