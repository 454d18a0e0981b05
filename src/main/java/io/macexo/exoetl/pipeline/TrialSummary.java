package io.macexo.exoetl.pipeline;

import io.macexo.exoetl.model.Reject;
import io.macexo.exoetl.model.TrialId;

/** What became of one trial: written with a length, or rejected. The driver holds only these. */
public record TrialSummary(TrialId id, int sequenceLength, Reject reject)
    implements java.io.Serializable {
  public boolean written() {
    return reject == null;
  }
}
