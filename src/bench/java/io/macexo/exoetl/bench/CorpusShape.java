package io.macexo.exoetl.bench;

import io.macexo.exoetl.synth.SynthOptions;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code synth} settings of a bench corpus. The defaults (all 15 participants, 24 trials each,
 * real trial lengths) give 360 trials and about 2.2 GB (2,224 MB) in the three files the job reads;
 * the twelve other file kinds hold five rows each and add little.
 */
public record CorpusShape(List<String> participants, int trialsPerParticipant, double scale) {
  public static final int DEFAULT_TRIALS = 24;
  public static final double DEFAULT_SCALE = 1.0;

  public CorpusShape {
    participants = List.copyOf(participants);
  }

  public static CorpusShape defaults() {
    return new CorpusShape(SynthOptions.PHASE1_PARTICIPANTS, DEFAULT_TRIALS, DEFAULT_SCALE);
  }

  /** The generator options for a tree at {@code root}: default seed, no defect trials. */
  public SynthOptions synthOptions(Path root) {
    return new SynthOptions(
        root, participants, trialsPerParticipant, scale, SynthOptions.DEFAULT_SEED, false);
  }

  /** One line that identifies the shape, stored next to a generated corpus to detect a mismatch. */
  public String describe() {
    return "participants="
        + String.join(",", participants)
        + " trials="
        + trialsPerParticipant
        + " scale="
        + scale
        + " seed="
        + SynthOptions.DEFAULT_SEED;
  }
}
