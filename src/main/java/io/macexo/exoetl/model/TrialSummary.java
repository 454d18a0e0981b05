package io.macexo.exoetl.model;

/**
 * What became of one trial: written with a length, or rejected. The driver holds only these.
 *
 * @param stats the trial's feature statistics; null when not known (a trial carried over from an
 *     earlier run)
 * @param dataFile the data file holding a written trial, relative to the output root; null when
 *     rejected or not known
 */
public record TrialSummary(
    TrialId id, int sequenceLength, Reject reject, TrialStats stats, String dataFile)
    implements java.io.Serializable {
  public static TrialSummary rejected(Reject reject) {
    return new TrialSummary(reject.trial(), 0, reject, null, null);
  }

  public static TrialSummary written(TrialId id, int sequenceLength, TrialStats stats) {
    return written(id, sequenceLength, stats, null);
  }

  public static TrialSummary written(
      TrialId id, int sequenceLength, TrialStats stats, String dataFile) {
    return new TrialSummary(id, sequenceLength, null, stats, dataFile);
  }

  public boolean written() {
    return reject == null;
  }
}
