package io.macexo.exoetl.assemble;

import io.macexo.exoetl.model.Issue;
import io.macexo.exoetl.model.TrialId;
import java.util.List;

/**
 * One trial, assembled in memory: either one (seq x width) float matrix per selection group, in
 * time order, or the issue that rejects it.
 */
public record TrialOutcome(TrialId id, Issue issue, List<float[][]> arrays) {
  public static TrialOutcome rejected(TrialId id, Issue issue) {
    return new TrialOutcome(id, issue, List.of());
  }

  public boolean accepted() {
    return issue == null;
  }

  public int sequenceLength() {
    return arrays.isEmpty() ? 0 : arrays.get(0).length;
  }
}
