package io.macexo.exoetl.pipeline;

import io.macexo.exoetl.model.Reject;
import io.macexo.exoetl.model.TrialId;
import io.macexo.exoetl.stats.TrialStats;

/** What became of one trial: written with a length, or rejected. The driver holds only these. */
public record TrialSummary(TrialId id, int sequenceLength, Reject reject, TrialStats stats)
    implements java.io.Serializable {
  public static TrialSummary rejected(Reject reject) {
    return new TrialSummary(reject.trial(), 0, reject, null);
  }

  public static TrialSummary written(TrialId id, int sequenceLength, TrialStats stats) {
    return new TrialSummary(id, sequenceLength, null, stats);
  }

  public boolean written() {
    return reject == null;
  }
}
