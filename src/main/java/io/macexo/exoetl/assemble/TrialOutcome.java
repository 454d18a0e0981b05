package io.macexo.exoetl.assemble;

import io.macexo.exoetl.model.TrialId;
import io.macexo.exoetl.validate.Issue;

/**
 * One trial, assembled in memory: either its three (seq x width) float matrices in time order, or
 * the issue that rejects it.
 */
public record TrialOutcome(
    TrialId id, Issue issue, float[][] imu, float[][] angle, float[][] moment) {
  public static TrialOutcome rejected(TrialId id, Issue issue) {
    return new TrialOutcome(id, issue, null, null, null);
  }

  public boolean accepted() {
    return issue == null;
  }

  public int sequenceLength() {
    return imu == null ? 0 : imu.length;
  }
}
