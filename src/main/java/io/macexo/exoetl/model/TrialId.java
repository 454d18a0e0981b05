package io.macexo.exoetl.model;

import java.io.Serializable;

/**
 * A trial is named by its participant folder and its trial folder, e.g. BT01 /
 * normal_walk_1_1-2_on.
 */
public record TrialId(String participant, String trial)
    implements Serializable, Comparable<TrialId> {
  public TrialId {
    if (participant == null || participant.isBlank()) {
      throw new IllegalArgumentException("participant must not be blank");
    }
    if (trial == null || trial.isBlank()) {
      throw new IllegalArgumentException("trial must not be blank");
    }
  }

  @Override
  public int compareTo(TrialId other) {
    int byParticipant = participant.compareTo(other.participant);
    return byParticipant != 0 ? byParticipant : trial.compareTo(other.trial);
  }

  @Override
  public String toString() {
    return participant + "/" + trial;
  }
}
