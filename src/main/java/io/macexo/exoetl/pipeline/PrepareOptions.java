package io.macexo.exoetl.pipeline;

import io.macexo.exoetl.config.EtlConfig;
import java.util.List;

/**
 * What a prepare run reads, where it writes, which participants, and how it decides what to redo.
 *
 * @param full re-process every participant, ignoring the manifest
 * @param verifyContent also hash input file contents to detect changes (reads every input byte)
 */
public record PrepareOptions(
    String input,
    String output,
    List<String> participants,
    EtlConfig config,
    boolean full,
    boolean verifyContent) {
  public PrepareOptions {
    if (input == null || input.isBlank()) {
      throw new IllegalArgumentException("input is required");
    }
    if (output == null || output.isBlank()) {
      throw new IllegalArgumentException("output is required");
    }
    participants = List.copyOf(participants);
  }

  /** A run with the defaults: incremental, change detection by size and modification time. */
  public PrepareOptions(String input, String output, List<String> participants, EtlConfig config) {
    this(input, output, participants, config, false, false);
  }
}
