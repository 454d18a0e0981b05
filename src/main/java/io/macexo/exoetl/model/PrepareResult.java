package io.macexo.exoetl.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The outcome of a prepare run: every trial of the output (this run's and, on an incremental run,
 * the ones carried over), written or rejected; what the run processed; the sizes.
 *
 * @param inputBytes CSV bytes of the participants this run read
 * @param outputBytes Parquet bytes under data/ after the run
 * @param migrated participants whose folders this run moved from the old {@code
 *     data/participant=ID/} layout to {@code data/subject=ID/}
 */
public record PrepareResult(
    String runId,
    String input,
    String output,
    Instant started,
    Duration wallTime,
    List<String> participants,
    List<TrialSummary> trials,
    long inputBytes,
    long outputBytes,
    IncrementalPlan plan,
    List<String> migrated) {
  public PrepareResult {
    participants = List.copyOf(participants);
    trials = List.copyOf(trials);
    migrated = List.copyOf(migrated);
  }

  /** The output already matched the input: nothing was read, written or removed. */
  public boolean nothingToDo() {
    return plan.nothingToDo();
  }

  public int trialsFound() {
    return trials.size();
  }

  public int trialsWritten() {
    return (int) trials.stream().filter(TrialSummary::written).count();
  }

  public List<Reject> rejects() {
    return trials.stream().filter(t -> !t.written()).map(TrialSummary::reject).toList();
  }

  /** Rejections per reason code, in precedence order, only codes that occurred. */
  public Map<ReasonCode, Long> rejectedByReason() {
    return rejects().stream()
        .collect(
            Collectors.groupingBy(
                Reject::code,
                () -> new java.util.EnumMap<>(ReasonCode.class),
                Collectors.counting()));
  }

  /** Written trials per participant, sorted by participant. */
  public Map<String, Long> writtenPerParticipant() {
    return trials.stream()
        .filter(TrialSummary::written)
        .collect(
            Collectors.groupingBy(t -> t.id().participant(), TreeMap::new, Collectors.counting()));
  }

  /** Written trials per task family, sorted by family. */
  public Map<String, Long> writtenPerTaskFamily() {
    return trials.stream()
        .filter(TrialSummary::written)
        .collect(
            Collectors.groupingBy(
                t -> TaskFamily.of(t.id().trial()), TreeMap::new, Collectors.counting()));
  }
}
