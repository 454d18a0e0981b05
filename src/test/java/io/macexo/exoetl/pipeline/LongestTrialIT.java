package io.macexo.exoetl.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.macexo.exoetl.config.ConfigLoader;
import io.macexo.exoetl.testing.ChildProcess;
import io.macexo.exoetl.testing.PrepareProcess;
import io.macexo.exoetl.testing.TrialTreeBuilder;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The longest real trial (30,801 rows) goes through prepare in a JVM with a 1 GB heap, Spark's
 * default driver and executor memory, beside an ordinary trial.
 */
class LongestTrialIT {
  private static final int LONGEST_REAL_TRIAL_ROWS = 30_801;

  @TempDir Path work;

  @Test
  void theLongestRealTrialIsWrittenWithinSparksDefaultMemory() throws Exception {
    TrialTreeBuilder tree = new TrialTreeBuilder(work.resolve("Parsed"), ConfigLoader.defaults());
    tree.trial("BT01", "normal_walk_1_1-2_on", LONGEST_REAL_TRIAL_ROWS);
    tree.trial("BT01", "squats_1_1_off", 500);
    Path output = work.resolve("out");
    try (ChildProcess run =
        PrepareProcess.start(
            "longest", tree.root().toString(), output.toString(), work.resolve("run"))) {
      assertThat(run.waitFor(Duration.ofMinutes(4))).as(run.tail(30)).isZero();
    }
    JsonNode metadata = new ObjectMapper().readTree(output.resolve("metadata.json").toFile());
    assertThat(metadata.findValue("trials_written").asInt()).isEqualTo(2);
    JsonNode lengths =
        new ObjectMapper().readTree(output.resolve("stats.json").toFile()).get("sequence_length");
    assertThat(lengths.get("max").asInt()).isEqualTo(LONGEST_REAL_TRIAL_ROWS);
    assertThat(lengths.get("min").asInt()).isEqualTo(500);
  }
}
