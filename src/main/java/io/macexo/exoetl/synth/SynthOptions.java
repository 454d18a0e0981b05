package io.macexo.exoetl.synth;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What to generate: where, for whom, how many trials, how long, from which seed, and whether to add
 * the defect trials. Checks itself: a bad value throws {@link IllegalArgumentException} naming the
 * field.
 *
 * @param output the root folder to create (the {@code Parsed/} of the real release); must be absent
 *     or empty
 * @param participants Phase1 participant folders to write, e.g. BT01, in this order
 * @param trialsPerParticipant good trials per participant
 * @param scale factor on every trial's real length (rows); every trial keeps at least {@link
 *     #MINIMUM_ROWS}
 * @param seed the same seed gives the same bytes
 * @param defects whether to add one broken trial per reason code (see {@link Defect})
 */
public record SynthOptions(
    Path output,
    List<String> participants,
    int trialsPerParticipant,
    double scale,
    long seed,
    boolean defects) {
  /** The 15 participants of the release; BT04 and BT05 do not exist. */
  public static final List<String> PHASE1_PARTICIPANTS =
      List.of(
          "BT01", "BT02", "BT03", "BT06", "BT07", "BT08", "BT09", "BT10", "BT11", "BT12", "BT13",
          "BT14", "BT15", "BT16", "BT17");

  public static final int DEFAULT_TRIALS_PER_PARTICIPANT = 8;
  public static final double DEFAULT_SCALE = 0.1;
  public static final long DEFAULT_SEED = 42;

  /** Most good trials per participant: the real maximum is 129, with head room for stress runs. */
  public static final int MAXIMUM_TRIALS_PER_PARTICIPANT = 1_000;

  /**
   * Largest --scale: 10 x the longest real trial is about 300,000 rows, 200 MB for its exo file.
   */
  public static final double MAXIMUM_SCALE = 10.0;

  /**
   * Fewest data rows of a trial, whatever the scale: defect trials edit row 10 and drop 10 rows.
   */
  public static final int MINIMUM_ROWS = 20;

  public SynthOptions {
    if (output == null) {
      throw new IllegalArgumentException("output must be given");
    }
    participants = checkedParticipants(participants);
    if (trialsPerParticipant < 1 || trialsPerParticipant > MAXIMUM_TRIALS_PER_PARTICIPANT) {
      throw new IllegalArgumentException(
          "trialsPerParticipant must be between 1 and "
              + MAXIMUM_TRIALS_PER_PARTICIPANT
              + ", not "
              + trialsPerParticipant);
    }
    if (!(scale > 0 && scale <= MAXIMUM_SCALE)) {
      throw new IllegalArgumentException(
          "scale must be greater than 0 and at most " + MAXIMUM_SCALE + ", not " + scale);
    }
  }

  /** All 15 participants, 8 trials each, 0.1 of the real length, seed 42, no defects. */
  public static SynthOptions defaults(Path output) {
    return new SynthOptions(
        output,
        PHASE1_PARTICIPANTS,
        DEFAULT_TRIALS_PER_PARTICIPANT,
        DEFAULT_SCALE,
        DEFAULT_SEED,
        false);
  }

  private static List<String> checkedParticipants(List<String> participants) {
    if (participants == null || participants.isEmpty()) {
      throw new IllegalArgumentException("participants must name at least one participant");
    }
    Set<String> seen = new HashSet<>();
    for (String participant : participants) {
      if (!PHASE1_PARTICIPANTS.contains(participant)) {
        throw new IllegalArgumentException(
            "participants: '"
                + participant
                + "' is not a Phase1 participant "
                + "(known: "
                + String.join(",", PHASE1_PARTICIPANTS)
                + ")");
      }
      if (!seen.add(participant)) {
        throw new IllegalArgumentException("participants names '" + participant + "' twice");
      }
    }
    return List.copyOf(participants);
  }
}
