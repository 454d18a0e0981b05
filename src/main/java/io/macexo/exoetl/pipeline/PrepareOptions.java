package io.macexo.exoetl.pipeline;

import io.macexo.exoetl.config.EtlConfig;
import java.util.List;

/** What a prepare run reads, where it writes, which participants and with which configuration. */
public record PrepareOptions(
    String input, String output, List<String> participants, EtlConfig config) {
  public PrepareOptions {
    if (input == null || input.isBlank()) {
      throw new IllegalArgumentException("input is required");
    }
    if (output == null || output.isBlank()) {
      throw new IllegalArgumentException("output is required");
    }
    participants = List.copyOf(participants);
  }
}
