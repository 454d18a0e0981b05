package io.macexo.exoetl.synth;

import java.util.SplittableRandom;

/**
 * A trial folder name in the grammar {@code <task>_<session>[_<repeat>][_<descriptor>]_<on|off>},
 * e.g. {@code stairs_2_4_down_on} or {@code cutting_1_left-fast_off}.
 *
 * @param repeat the repeat number, or 0 when the name carries none
 * @param descriptor the descriptor, or empty when the name carries none
 * @param powered {@code on} (exo powered) or {@code off} (worn, unpowered)
 */
record TrialName(String task, int session, int repeat, String descriptor, boolean powered) {
  /** Sessions are few in the real data: most trials are session 1 or 2. */
  private static final int MAXIMUM_SESSION = 3;

  /**
   * Stairs are walked one pass per trial, so they run to many repeats (e.g. stairs_2_11_up_off).
   */
  private static final int MAXIMUM_STAIRS_REPEAT = 12;

  private static final int MAXIMUM_REPEAT = 5;

  TrialName {
    if (task.isBlank() || session < 1 || repeat < 0 || descriptor.contains("_")) {
      throw new IllegalArgumentException(
          "trial name parts do not fit the grammar: "
              + task
              + " "
              + session
              + " "
              + repeat
              + " '"
              + descriptor
              + "'");
    }
  }

  /** Draws a realistic name of a family. */
  static TrialName draw(TaskFamily family, SplittableRandom random) {
    int session = 1 + random.nextInt(MAXIMUM_SESSION);
    int repeat = drawsRepeat(family, random) ? 1 + random.nextInt(maximumRepeat(family)) : 0;
    String descriptor =
        family.descriptors().isEmpty()
            ? ""
            : family.descriptors().get(random.nextInt(family.descriptors().size()));
    return new TrialName(family.task(), session, repeat, descriptor, random.nextBoolean());
  }

  /**
   * The same name in another session: how a collision is resolved without ever looping for long.
   */
  TrialName withSession(int newSession) {
    return new TrialName(task, newSession, repeat, descriptor, powered);
  }

  /** The folder name. */
  String text() {
    StringBuilder name = new StringBuilder(task).append('_').append(session);
    if (repeat > 0) {
      name.append('_').append(repeat);
    }
    if (!descriptor.isEmpty()) {
      name.append('_').append(descriptor);
    }
    return name.append(powered ? "_on" : "_off").toString();
  }

  private static boolean drawsRepeat(TaskFamily family, SplittableRandom random) {
    return switch (family.repeat()) {
      case NEVER -> false;
      case ALWAYS -> true;
      case SOMETIMES -> random.nextBoolean();
    };
  }

  private static int maximumRepeat(TaskFamily family) {
    return family == TaskFamily.STAIRS ? MAXIMUM_STAIRS_REPEAT : MAXIMUM_REPEAT;
  }
}
