package io.macexo.exoetl.write;

import io.macexo.exoetl.stats.TrialStats;
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
  public static final int FORMAT = 1;

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

  /** A trial's outcome: a length when written, a reason and a sentence when rejected. */
  public record TrialRecord(String trial, int sequenceLength, String reasonCode, String detail) {
    public boolean written() {
      return reasonCode == null;
    }
  }

  /** A data file, relative to the output root, with its size. */
  public record DataFile(String path, long size) {}
}
