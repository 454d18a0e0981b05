package io.macexo.exoetl.assemble;

import static org.assertj.core.api.Assertions.assertThat;

import io.macexo.exoetl.config.ConfigLoader;
import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.config.NanPolicy;
import io.macexo.exoetl.model.ReasonCode;
import io.macexo.exoetl.model.TrialId;
import io.macexo.exoetl.testing.FuzzTrials;
import io.macexo.exoetl.testing.InMemoryTrial;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes what every prepare task runs on a trial (read, check, join), without Spark: random edits
 * of a valid trial's bytes must never throw, must give exactly one outcome (written or rejected
 * with a reason a file's bytes can cause), and the same outcome however the bytes arrive in reads.
 * A rewriting that keeps the table's meaning must give the very same trial. The suite runs a fixed
 * seed and a modest number of cases; docs/testing.md has the long run ({@code -Dfuzz.cases}).
 */
class TrialFuzzTest {
  private static final EtlConfig KEEP = ConfigLoader.defaults();
  private static final EtlConfig REJECT = KEEP.withNanPolicy(NanPolicy.REJECT);
  private static final TrialId ID = new TrialId("BT01", "fuzz_1_on");
  private static final FuzzTrials TRIALS = new FuzzTrials(KEEP);

  /** Reasons no file content can cause: they come from names, configuration or I/O. */
  private static final List<ReasonCode> NOT_FROM_BYTES =
      List.of(ReasonCode.UNKNOWN_PARTICIPANT, ReasonCode.MISSING_FILE, ReasonCode.UNREADABLE_FILE);

  private static List<byte[]> bytes(List<String> files) {
    List<byte[]> bytes = new ArrayList<>();
    files.forEach(file -> bytes.add(file.getBytes(StandardCharsets.US_ASCII)));
    return bytes;
  }

  @Test
  void aRewritingThatKeepsTheMeaningGivesTheSameTrial() throws Exception {
    Random random = new Random(FuzzTrials.seed());
    int cases = FuzzTrials.cases(1000);
    for (int c = 0; c < cases; c++) {
      EtlConfig config = random.nextBoolean() ? KEEP : REJECT;
      List<String> plain = TRIALS.valid(random);
      TrialOutcome expected = InMemoryTrial.merge(ID, bytes(plain), config);
      StringBuilder what = new StringBuilder();
      List<byte[]> rewritten = new ArrayList<>();
      for (String file : plain) {
        rewritten.add(FuzzTrials.rewrite(file, random, what));
      }
      TrialOutcome outcome = InMemoryTrial.merge(ID, rewritten, config, random);

      // Without NaN cells, or under keep, the valid trial is written; the check below is not
      // between two rejects only.
      assertThat(expected.accepted() || config == REJECT).as("case %d", c).isTrue();
      assertThat(FuzzTrials.same(outcome, expected))
          .as("case %d (%s): %s instead of %s", c, what, outcome.issue(), expected.issue())
          .isTrue();
    }
  }

  @Test
  void randomDamageNeverThrowsAndGivesOneOutcomeWhateverTheReads() throws Exception {
    Random random = new Random(FuzzTrials.seed() + 1);
    int cases = FuzzTrials.cases(3000);
    Map<ReasonCode, Integer> reasons = new EnumMap<>(ReasonCode.class);
    int written = 0;
    for (int c = 0; c < cases; c++) {
      EtlConfig config = random.nextBoolean() ? KEEP : REJECT;
      StringBuilder what = new StringBuilder();
      List<byte[]> damaged = FuzzTrials.damage(TRIALS.valid(random), random, what);
      TrialOutcome whole;
      TrialOutcome pieces;
      try {
        whole = InMemoryTrial.merge(ID, damaged, config);
        pieces = InMemoryTrial.merge(ID, damaged, config, random);
      } catch (Exception | Error e) {
        throw new AssertionError("case " + c + " (" + what + ") threw", e);
      }

      String description = "case " + c + " (" + what + ")";
      assertThat(FuzzTrials.same(pieces, whole))
          .as("%s: read in pieces %s, whole %s", description, pieces.issue(), whole.issue())
          .isTrue();
      if (whole.accepted()) {
        written++;
        assertThat(whole.arrays()).as(description).hasSize(config.selection().size());
        for (int k = 0; k < whole.arrays().size(); k++) {
          int width = config.selection().group(k).width();
          float[][] array = whole.arrays().get(k);
          assertThat(array.length).as(description).isEqualTo(whole.sequenceLength());
          assertThat(List.of(array)).as(description).allMatch(row -> row.length == width);
        }
      } else {
        assertThat(whole.arrays()).as(description).isEmpty();
        assertThat(whole.issue().code()).as(description).isNotIn(NOT_FROM_BYTES);
        assertThat(whole.issue().detail()).as(description).isNotBlank();
        reasons.merge(whole.issue().code(), 1, Integer::sum);
      }
    }
    // One line for the long run's record (docs/testing.md).
    System.out.printf(
        "fuzz: %d damaged trials (seed %d): %d written, rejected %s%n",
        cases, FuzzTrials.seed() + 1, written, reasons);
    // The damage reaches every kind of check, and some damage is harmless (a cut last line end).
    assertThat(reasons)
        .as("reasons over %d cases, %d written", cases, written)
        .containsKeys(
            ReasonCode.EMPTY_FILE,
            ReasonCode.NOT_CSV,
            ReasonCode.MISSING_COLUMN,
            ReasonCode.MALFORMED_ROW,
            ReasonCode.DUPLICATE_TIMESTEP,
            ReasonCode.LENGTH_MISMATCH);
    assertThat(written).isPositive();
  }
}
