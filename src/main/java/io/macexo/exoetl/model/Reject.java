package io.macexo.exoetl.model;

import java.io.Serializable;

/** One rejected trial: a reason code and a sentence naming the file, column or row. */
public record Reject(TrialId trial, ReasonCode code, String detail) implements Serializable {
  public Reject {
    if (trial == null || code == null || detail == null) {
      throw new IllegalArgumentException("trial, code and detail are required");
    }
  }
}
