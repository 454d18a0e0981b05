package io.macexo.exoetl.discover;

import io.macexo.exoetl.model.InputEntry;
import io.macexo.exoetl.model.Reject;
import io.macexo.exoetl.model.TrialFiles;
import java.util.List;
import java.util.Map;

/**
 * What discovery found: trials whose three files exist (to be read by executors), trials rejected
 * before any reading (no mass configured, a file absent or empty), and the participants seen.
 */
public record DiscoveredInput(
    List<TrialFiles> readable,
    List<Reject> rejects,
    List<String> participants,
    Map<String, List<InputEntry>> inputs,
    long inputBytes) {
  public DiscoveredInput {
    readable = List.copyOf(readable);
    rejects = List.copyOf(rejects);
    participants = List.copyOf(participants);
    inputs = Map.copyOf(inputs);
  }

  /** The readable trials of some participants. */
  public List<TrialFiles> readableOf(java.util.Collection<String> wanted) {
    return readable.stream().filter(t -> wanted.contains(t.id().participant())).toList();
  }

  /** The discovery rejects of some participants. */
  public List<Reject> rejectsOf(java.util.Collection<String> wanted) {
    return rejects.stream().filter(r -> wanted.contains(r.trial().participant())).toList();
  }

  /** Every trial folder found, readable or not. */
  public int trialsFound() {
    return readable.size() + rejects.size();
  }
}
