package io.macexo.exoetl.pipeline;

import io.macexo.exoetl.model.Manifest;
import io.macexo.exoetl.model.ReasonCode;
import io.macexo.exoetl.model.Reject;
import io.macexo.exoetl.model.TrialId;
import io.macexo.exoetl.model.TrialStats;
import io.macexo.exoetl.model.TrialSummary;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the new manifest: entries of participants this run did not touch are carried over as they
 * were; processed participants get fresh entries from this run's outcomes; removed ones are
 * dropped. Then gives back every trial's outcome and every participant's statistics, old and new
 * alike. Pure.
 */
final class ManifestMerge {
  private ManifestMerge() {}

  /** Fresh entry of a processed participant. */
  static Manifest.ParticipantEntry entry(
      double massKg,
      String fingerprint,
      List<TrialSummary> trials,
      List<Manifest.DataFile> dataFiles,
      List<Integer> groupWidths) {
    List<Manifest.TrialRecord> records = new ArrayList<>();
    int featureCount = groupWidths.stream().mapToInt(Integer::intValue).sum();
    TrialStats stats = TrialStats.empty(featureCount);
    for (TrialSummary trial : trials) {
      if (trial.written()) {
        records.add(
            Manifest.TrialRecord.written(
                trial.id().trial(),
                trial.sequenceLength(),
                trial.dataFile(),
                trial.stats().nanShares(groupWidths)));
        stats = stats.merge(trial.stats());
      } else {
        records.add(
            Manifest.TrialRecord.rejected(
                trial.id().trial(), trial.reject().code().name(), trial.reject().detail()));
      }
    }
    records.sort(java.util.Comparator.comparing(Manifest.TrialRecord::trial));
    return new Manifest.ParticipantEntry(
        massKg, unreadable(trials) ? RETRY : fingerprint, records, dataFiles, stats);
  }

  /**
   * True when a trial could not be read. A read failure may pass (a flaky store, a permission fixed
   * later) without changing the files' sizes or dates, so such a participant is recorded with a
   * fingerprint no input has: the next run processes it again instead of calling it unchanged.
   */
  private static boolean unreadable(List<TrialSummary> trials) {
    return trials.stream()
        .anyMatch(t -> !t.written() && t.reject().code() == ReasonCode.UNREADABLE_FILE);
  }

  /**
   * Processed participants whose previous output must stay as it was: a trial it had written could
   * not be read this run (a flaky store, a permission lost), or its folder now holds no trial
   * folder and {@code --prune} was not given (a half-finished copy looks like that). Replacing
   * their folders would delete data nobody asked to delete.
   */
  static List<String> heldBack(
      java.util.Optional<Manifest> stored,
      Collection<String> processed,
      List<TrialSummary> outcomes,
      boolean prune) {
    List<String> held = new ArrayList<>();
    if (stored.isEmpty()) {
      return held;
    }
    for (String participant : processed) {
      Manifest.ParticipantEntry before = stored.get().participants().get(participant);
      if (before == null) {
        continue;
      }
      java.util.Set<String> written = new java.util.HashSet<>();
      before.trials().stream()
          .filter(Manifest.TrialRecord::written)
          .forEach(t -> written.add(t.trial()));
      List<TrialSummary> now =
          outcomes.stream().filter(t -> t.id().participant().equals(participant)).toList();
      boolean lostToReadFailure =
          now.stream()
              .anyMatch(
                  t ->
                      !t.written()
                          && t.reject().code() == ReasonCode.UNREADABLE_FILE
                          && written.contains(t.id().trial()));
      if (!written.isEmpty() && (lostToReadFailure || (now.isEmpty() && !prune))) {
        held.add(participant);
      }
    }
    return held;
  }

  /** A held-back participant's previous entry, marked so the next run processes it again. */
  static Manifest.ParticipantEntry toRetry(Manifest.ParticipantEntry entry) {
    return new Manifest.ParticipantEntry(
        entry.massKg(), RETRY, entry.trials(), entry.dataFiles(), entry.stats());
  }

  /** Inputs fingerprint of a participant with an unreadable file: matches no input. */
  static final String RETRY = "unreadable-file-to-retry";

  static Manifest merge(
      java.util.Optional<Manifest> previous,
      String settingsFingerprint,
      Map<String, Manifest.ParticipantEntry> processed,
      Collection<String> removed) {
    Map<String, Manifest.ParticipantEntry> entries = new TreeMap<>();
    previous.ifPresent(
        m -> {
          boolean sameSettings = m.settingsFingerprint().equals(settingsFingerprint);
          m.participants()
              .forEach((p, entry) -> entries.put(p, sameSettings ? entry : builtElsewise(entry)));
        });
    removed.forEach(entries::remove);
    entries.putAll(processed);
    return new Manifest(settingsFingerprint, entries);
  }

  /**
   * A carried-over entry (a participant kept while its folder is gone) was built under other
   * settings than the manifest now records; clearing its inputs fingerprint makes the run after its
   * folder returns rebuild it instead of taking it for unchanged.
   */
  private static Manifest.ParticipantEntry builtElsewise(Manifest.ParticipantEntry entry) {
    return new Manifest.ParticipantEntry(
        entry.massKg(), STALE, entry.trials(), entry.dataFiles(), entry.stats());
  }

  /** Inputs fingerprint that matches no input: the entry was built under other settings. */
  static final String STALE = "built-under-other-settings";

  /** Every trial's outcome in the manifest, sorted by trial id. */
  static List<TrialSummary> trials(Manifest manifest) {
    List<TrialSummary> trials = new ArrayList<>();
    manifest
        .participants()
        .forEach(
            (participant, entry) -> {
              for (Manifest.TrialRecord record : entry.trials()) {
                TrialId id = new TrialId(participant, record.trial());
                trials.add(
                    record.written()
                        ? TrialSummary.written(id, record.sequenceLength(), null, record.dataFile())
                        : TrialSummary.rejected(
                            new Reject(
                                id, ReasonCode.valueOf(record.reasonCode()), record.detail())));
              }
            });
    trials.sort(java.util.Comparator.comparing(TrialSummary::id));
    return trials;
  }

  /** Statistics of participants with at least one written trial. */
  static Map<String, TrialStats> stats(Manifest manifest) {
    Map<String, TrialStats> stats = new TreeMap<>();
    manifest
        .participants()
        .forEach(
            (participant, entry) -> {
              if (entry.trials().stream().anyMatch(Manifest.TrialRecord::written)) {
                stats.put(participant, entry.stats());
              }
            });
    return stats;
  }
}
