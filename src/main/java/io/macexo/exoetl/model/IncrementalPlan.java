package io.macexo.exoetl.model;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which participants a run must process: new ones, changed ones (inputs, mass or settings), and
 * which output folders to remove (participants gone from the input). Made by the pipeline's
 * IncrementalPlanner from fingerprints and the previous manifest.
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
