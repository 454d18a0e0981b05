package io.macexo.exoetl.model;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which participants a run must process: new ones, changed ones (inputs, mass or settings); and
 * what becomes of participants of the output whose folders are gone from the input: kept (the
 * default: an unmounted volume or a mistyped prefix must not empty a dataset) or, with {@code
 * --prune}, removed. Made by the pipeline's IncrementalPlanner from fingerprints and the previous
 * manifest.
 *
 * @param removed participants gone from the input whose output folders this run removes
 * @param kept participants gone from the input whose output folders this run keeps as they are
 */
public record IncrementalPlan(
    Map<String, Change> participants, List<String> removed, List<String> kept) {
  /** What happened to a participant since the previous run. */
  public enum Change {
    NEW,
    CHANGED,
    UNCHANGED
  }

  public IncrementalPlan {
    participants = java.util.Collections.unmodifiableMap(new TreeMap<>(participants));
    removed = List.copyOf(removed);
    kept = List.copyOf(kept);
  }

  /** A plan that keeps whatever is gone from the input. */
  public IncrementalPlan(Map<String, Change> participants, List<String> removed) {
    this(participants, removed, List.of());
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

  /** Nothing to read, write or remove (kept participants stay as they are). */
  public boolean nothingToDo() {
    return toProcess().isEmpty() && removed.isEmpty();
  }
}
