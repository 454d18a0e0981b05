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
 * @param heldBack processed participants whose previous output this run kept instead of replacing
 *     it: trials it had written could not be read this time, or their folder held no trial folder
 *     (and {@code --prune} was not given). The next run processes them again.
 */
public record IncrementalPlan(
    Map<String, Change> participants,
    List<String> removed,
    List<String> kept,
    List<String> heldBack) {
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
    heldBack = List.copyOf(heldBack);
  }

  /** A plan before any participant was held back. */
  public IncrementalPlan(
      Map<String, Change> participants, List<String> removed, List<String> kept) {
    this(participants, removed, kept, List.of());
  }

  /** This plan with the participants the run held back. */
  public IncrementalPlan withHeldBack(List<String> held) {
    return new IncrementalPlan(participants, removed, kept, held);
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
