package io.macexo.exoetl.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Draws the real-data quirks of one good trial from its family (PHASE1.md "Quirks of the real
 * files"): exo dropouts in overground trials, NaN row blocks and one-sided NaN moments, shuffled
 * angle columns and the two spellings of NaN. Pure: no I/O.
 */
final class QuirkPlanner {
  /** Share of overground trials with an exo dropout: high enough that small runs show one. */
  private static final double DROPOUT_PROBABILITY = 0.5;

  /** A dropout covers 3% to 10% of the trial. */
  private static final double DROPOUT_SHARE_MINIMUM = 0.03;

  private static final double DROPOUT_SHARE_MAXIMUM = 0.10;

  /** Up to this many NaN row blocks per moment file. */
  private static final int MAXIMUM_NAN_BLOCKS = 3;

  /** A NaN block covers up to 4% of the trial. */
  private static final double NAN_BLOCK_SHARE_MAXIMUM = 0.04;

  /** Every third trial lists its angle columns shuffled ("Column order is not guaranteed"). */
  private static final int SHUFFLE_EVERY = 3;

  /** The data row that gets the harmless non-number; every trial has at least 20 rows. */
  private static final int TEXT_ROW = 5;

  private QuirkPlanner() {}

  /**
   * @param trialIndex the trial's position within its participant
   * @param withText whether this is the one trial with a non-number in a non-selected exo column
   */
  static TrialQuirks draw(
      TaskFamily family, int rows, int trialIndex, boolean withText, SplittableRandom random) {
    Optional<RowSpan> dropout =
        family.has(TaskFamily.Quirk.OVERGROUND) && random.nextDouble() < DROPOUT_PROBABILITY
            ? Optional.of(dropout(rows, random))
            : Optional.empty();
    List<RowSpan> nanBlocks =
        family.has(TaskFamily.Quirk.MOMENT_NAN_BLOCKS) ? nanBlocks(rows, random) : List.of();
    Optional<String> nanSide =
        family.has(TaskFamily.Quirk.ONE_SIDE_MOMENT_NAN)
            ? Optional.of(Phase1Columns.SIDES.get(random.nextInt(2)))
            : Optional.empty();
    boolean shuffled = trialIndex % SHUFFLE_EVERY == SHUFFLE_EVERY - 1;
    return new TrialQuirks(dropout, nanBlocks, nanSide, shuffled, withText, drawSpellings(random));
  }

  /** The data row of the harmless non-number. */
  static int textRow() {
    return TEXT_ROW;
  }

  /** Empty field or NaN, decided per file. */
  static NanSpellings drawSpellings(SplittableRandom random) {
    return new NanSpellings(spelling(random), spelling(random), spelling(random));
  }

  private static String spelling(SplittableRandom random) {
    return random.nextBoolean() ? NanSpellings.EMPTY : NanSpellings.NAN;
  }

  private static RowSpan dropout(int rows, SplittableRandom random) {
    double share =
        DROPOUT_SHARE_MINIMUM
            + random.nextDouble() * (DROPOUT_SHARE_MAXIMUM - DROPOUT_SHARE_MINIMUM);
    int length = Math.max(2, (int) (rows * share));
    // Starts after row 0 and ends before the last row: the capture has data on both sides of the
    // loss.
    int start = 1 + random.nextInt(Math.max(1, rows - length - 1));
    return new RowSpan(start, length);
  }

  private static List<RowSpan> nanBlocks(int rows, SplittableRandom random) {
    int count = 1 + random.nextInt(MAXIMUM_NAN_BLOCKS);
    List<RowSpan> blocks = new ArrayList<>();
    for (int block = 0; block < count; block++) {
      int length = Math.max(1, (int) (rows * random.nextDouble() * NAN_BLOCK_SHARE_MAXIMUM));
      blocks.add(new RowSpan(random.nextInt(rows - length + 1), length));
    }
    return blocks;
  }
}
