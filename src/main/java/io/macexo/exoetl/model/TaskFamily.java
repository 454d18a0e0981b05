package io.macexo.exoetl.model;

import java.util.Comparator;
import java.util.List;

/**
 * The 26 task families of Phase1. A trial folder name starts with its family, e.g. {@code
 * stairs_2_4_down_on} is {@code stairs}; longer names win ({@code weighted_walk} before {@code
 * walk}).
 */
public final class TaskFamily {
  /** The family names, in the order the release lists them. */
  public static final List<String> NAMES =
      List.of(
          "normal_walk",
          "incline_walk",
          "walk_backward",
          "weighted_walk",
          "dynamic_walk",
          "stairs",
          "curb_up",
          "curb_down",
          "step_ups",
          "sit_to_stand",
          "squats",
          "lunges",
          "jump",
          "lift_weight",
          "ball_toss",
          "cutting",
          "meander",
          "obstacle_walk",
          "poses",
          "push",
          "side_shuffle",
          "start_stop",
          "tire_run",
          "tug_of_war",
          "turn_and_step",
          "twister");

  /** Longest first, so that a prefix never shadows a longer family. */
  private static final List<String> FAMILIES =
      NAMES.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();

  /** Name used for trials whose folder starts with no known family. */
  public static final String OTHER = "other";

  private TaskFamily() {}

  /** The family of a trial folder name, or {@link #OTHER}. */
  public static String of(String trialName) {
    for (String family : FAMILIES) {
      if (trialName.equals(family) || trialName.startsWith(family + "_")) {
        return family;
      }
    }
    return OTHER;
  }
}
