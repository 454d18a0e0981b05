package io.macexo.exoetl.discover;

import io.macexo.exoetl.model.Reject;
import io.macexo.exoetl.model.TrialFiles;
import java.util.List;

/**
 * What discovery found: trials whose three files exist (to be read by executors), trials rejected
 * before any reading (no mass configured, a file absent or empty), and the participants seen.
 */
public record DiscoveredInput(
    List<TrialFiles> readable, List<Reject> rejects, List<String> participants, long inputBytes) {
  public DiscoveredInput {
    readable = List.copyOf(readable);
    rejects = List.copyOf(rejects);
    participants = List.copyOf(participants);
  }

  /** Every trial folder found, readable or not. */
  public int trialsFound() {
    return readable.size() + rejects.size();
  }
}
