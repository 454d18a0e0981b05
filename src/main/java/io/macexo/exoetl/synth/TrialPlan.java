package io.macexo.exoetl.synth;

import io.macexo.exoetl.model.TrialId;
import java.util.Optional;

/**
 * Everything that decides the bytes of one trial folder, fixed before any file is written, so that
 * planning is free of I/O and the parallel writers share nothing.
 *
 * @param rows data rows of each read file (after --scale)
 * @param firstSample index of the first row at 200 Hz: the capture does not start at time 0
 * @param seed the trial's own seed, for its signals and noise
 * @param defect the flaw of a defect trial; empty for a good trial
 */
record TrialPlan(
    TrialId id,
    TaskFamily family,
    int rows,
    long firstSample,
    long seed,
    TrialQuirks quirks,
    Optional<Defect> defect) {
  TrialPlan {
    if (rows < 0 || firstSample < 1) {
      throw new IllegalArgumentException(
          id + ": rows must be >= 0 and firstSample >= 1, not " + rows + ", " + firstSample);
    }
  }

  String participant() {
    return id.participant();
  }

  String trial() {
    return id.trial();
  }

  /** Whether this trial is built with the given flaw. */
  boolean is(Defect flaw) {
    return defect.filter(flaw::equals).isPresent();
  }
}
