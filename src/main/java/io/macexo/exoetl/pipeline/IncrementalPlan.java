package io.macexo.exoetl.pipeline;

import io.macexo.exoetl.write.Manifest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which participants a run must process: new ones, changed ones (inputs, mass or settings), and
 * which output folders to remove (participants gone from the input). Pure: built from fingerprints
 * and the previous manifest.
 */
public record IncrementalPlan(Map<String, Change> participants, List<String> removed) {
  /** What happened to a participant since the previous run. */
  public enum Change {
    NEW,
    CHANGED,
    UNCHANGED
  }

  public IncrementalPlan {
    participants = java.util.Collections.unmodifiableMap(new TreeMap<>(participants));
    removed = List.copyOf(removed);
  }

  /**
   * @param fingerprints this run's fingerprint per participant in scope
   * @param previous the manifest of the previous run, if any and not --full
   * @param settingsFingerprint this run's settings fingerprint
   * @param missingData participants whose manifest lists data files that are gone
   * @param removeAbsent whether participants absent from the input are removed (not with
   *     --participants)
   */
  static IncrementalPlan of(
      Map<String, String> fingerprints,
      Optional<Manifest> previous,
      String settingsFingerprint,
      java.util.Set<String> missingData,
      boolean removeAbsent) {
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
    TreeSet<String> removed = new TreeSet<>();
    if (removeAbsent && previous.isPresent()) {
      removed.addAll(previous.get().participants().keySet());
      removed.removeAll(fingerprints.keySet());
    }
    return new IncrementalPlan(changes, List.copyOf(removed));
  }

  /** Participants to read and write this run. */
  public List<String> toProcess() {
    return participants.entrySet().stream()
        .filter(e -> e.getValue() != Change.UNCHANGED)
        .map(Map.Entry::getKey)
        .toList();
  }

  public List<String> with(Change change) {
    return participants.entrySet().stream()
        .filter(e -> e.getValue() == change)
        .map(Map.Entry::getKey)
        .toList();
  }

  /** Nothing to read, write or remove. */
  public boolean nothingToDo() {
    return toProcess().isEmpty() && removed.isEmpty();
  }
}
