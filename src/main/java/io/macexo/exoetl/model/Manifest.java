package io.macexo.exoetl.model;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What each participant's output was built from and what it holds: the input fingerprint, every
 * trial's outcome, the data files and the feature statistics. Stored as {@code manifest.json}; an
 * incremental run re-processes only participants whose fingerprint changed, and reuses the rest of
 * an entry (outcomes, statistics) without touching their data.
 */
public record Manifest(String settingsFingerprint, Map<String, ParticipantEntry> participants) {
  /**
   * 2 added each written trial's data file and NaN shares (for the trials table) with the plain
   * {@code data/BT01/} layout; format 1 manifests are still read (see ManifestStore).
   */
  public static final int FORMAT = 2;

  public Manifest {
    participants = java.util.Collections.unmodifiableMap(new TreeMap<>(participants));
  }

  /** One participant's part of the output. */
  public record ParticipantEntry(
      double massKg,
      String inputsFingerprint,
      List<TrialRecord> trials,
      List<DataFile> dataFiles,
      TrialStats stats) {
    public ParticipantEntry {
      trials = List.copyOf(trials);
      dataFiles = List.copyOf(dataFiles);
    }
  }

  /**
   * A trial's outcome: a length, its data file and its NaN shares when written; a reason and a
   * sentence when rejected.
   *
   * @param dataFile the data file holding the trial, relative to the output root; null when
   *     rejected, or when written by a run whose manifest did not record it (format 1)
   * @param nanShares the share of NaN values in each array column, in output order; empty when
   *     rejected or unrecorded
   */
  public record TrialRecord(
      String trial,
      int sequenceLength,
      String reasonCode,
      String detail,
      String dataFile,
      List<Double> nanShares) {
    public TrialRecord {
      nanShares = List.copyOf(nanShares);
    }

    public static TrialRecord written(
        String trial, int sequenceLength, String dataFile, List<Double> nanShares) {
      return new TrialRecord(trial, sequenceLength, null, null, dataFile, nanShares);
    }

    public static TrialRecord rejected(String trial, String reasonCode, String detail) {
      return new TrialRecord(trial, 0, reasonCode, detail, null, List.of());
    }

    public boolean written() {
      return reasonCode == null;
    }
  }

  /** A data file, relative to the output root, with its size. */
  public record DataFile(String path, long size) {}
}
