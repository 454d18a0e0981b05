package io.macexo.exoetl.pipeline;

import io.macexo.exoetl.model.IncrementalPlan;
import io.macexo.exoetl.model.IncrementalPlan.Change;
import io.macexo.exoetl.model.Manifest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/** Plans an incremental run against the previous manifest. Pure. */
final class IncrementalPlanner {
  private IncrementalPlanner() {}

  /**
   * @param fingerprints this run's fingerprint per participant in scope
   * @param previous the manifest of the previous run, if any and not --full
   * @param stored the manifest the output holds, even under --full: what is absent from the input
   *     is judged against it, so that --full neither forgets a kept participant nor leaves its
   *     folder behind unlisted
   * @param settingsFingerprint this run's settings fingerprint
   * @param missingData participants whose manifest lists data files that are gone
   * @param wholeInput whether every participant of the input is in scope (not with --participants):
   *     only then is a participant of the manifest absent from the input
   * @param prune whether absent participants are removed; else they are kept, and listed as kept
   */
  static IncrementalPlan plan(
      Map<String, String> fingerprints,
      Optional<Manifest> previous,
      Optional<Manifest> stored,
      String settingsFingerprint,
      java.util.Set<String> missingData,
      boolean wholeInput,
      boolean prune) {
    Map<String, Change> changes = new TreeMap<>();
    boolean sameSettings =
        previous.map(m -> m.settingsFingerprint().equals(settingsFingerprint)).orElse(false);
    for (Map.Entry<String, String> entry : fingerprints.entrySet()) {
      Manifest.ParticipantEntry before =
          previous.map(m -> m.participants().get(entry.getKey())).orElse(null);
      Change change;
      if (before == null) {
        change = Change.NEW;
      } else if (!sameSettings
          || !before.inputsFingerprint().equals(entry.getValue())
          || missingData.contains(entry.getKey())) {
        change = Change.CHANGED;
      } else {
        change = Change.UNCHANGED;
      }
      changes.put(entry.getKey(), change);
    }
    TreeSet<String> absent = new TreeSet<>();
    if (wholeInput && stored.isPresent()) {
      absent.addAll(stored.get().participants().keySet());
      absent.removeAll(fingerprints.keySet());
    }
    List<String> gone = List.copyOf(absent);
    return new IncrementalPlan(changes, prune ? gone : List.of(), prune ? List.of() : gone);
  }
}
