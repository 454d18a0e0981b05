package io.macexo.exoetl.synth;

import java.util.List;
import java.util.Optional;

/**
 * The real-data quirks one good trial carries. None of them may make the job reject the trial under
 * the default nan-policy (keep).
 *
 * @param exoDropout rows where the exo lost its data: every exo data column NaN (overground trials)
 * @param momentNanBlocks rows where every moment_filt_bio column is NaN (cutting, turn, curb,
 *     start/stop)
 * @param nanMomentSide {@code l} or {@code r}: that side's six moment columns are NaN throughout
 *     (stairs)
 * @param shuffledAngles whether angle_filt lists its twelve data columns in a shuffled order
 * @param textInUnselectedColumn whether a non-number sits in an exo column the job does not select
 * @param nanSpellings how NaN is written in each read file
 */
record TrialQuirks(
    Optional<RowSpan> exoDropout,
    List<RowSpan> momentNanBlocks,
    Optional<String> nanMomentSide,
    boolean shuffledAngles,
    boolean textInUnselectedColumn,
    NanSpellings nanSpellings) {
  /** The non-selected exo column that gets a non-number text in one good trial. */
  static final String UNSELECTED_TEXT_COLUMN = "insole_l_cop_x";

  /** The text it gets: what a spreadsheet export leaves behind. */
  static final String UNSELECTED_TEXT = "n/a";

  TrialQuirks {
    momentNanBlocks = List.copyOf(momentNanBlocks);
  }

  /** A trial without quirks, as defect trials are, so each triggers only its own reason code. */
  static TrialQuirks none(NanSpellings nanSpellings) {
    return new TrialQuirks(
        Optional.empty(), List.of(), Optional.empty(), false, false, nanSpellings);
  }
}
