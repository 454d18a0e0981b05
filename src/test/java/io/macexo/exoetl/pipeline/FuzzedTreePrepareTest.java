package io.macexo.exoetl.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.macexo.exoetl.assemble.TrialOutcome;
import io.macexo.exoetl.config.ConfigLoader;
import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.model.OutputColumns;
import io.macexo.exoetl.model.PrepareResult;
import io.macexo.exoetl.model.TrialId;
import io.macexo.exoetl.testing.FuzzTrials;
import io.macexo.exoetl.testing.InMemoryTrial;
import io.macexo.exoetl.testing.LocalSpark;
import io.macexo.exoetl.testing.TrialTreeBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A handful of fuzzed trials through prepare itself (Spark tasks, files, writers): the run
 * finishes, every trial folder is in exactly one of data/ and rejects/, and each trial's outcome is
 * the one the task's code gives on the same bytes without Spark, which {@code TrialFuzzTest} checks
 * on thousands of cases.
 */
class FuzzedTreePrepareTest {
  private static final EtlConfig CONFIG = ConfigLoader.defaults();
  private static final int TRIALS = 12;

  @TempDir Path work;

  @Test
  void everyFuzzedTrialIsWrittenOrRejectedAsItsBytesSay() throws Exception {
    Random random = new Random(FuzzTrials.seed() + 2);
    FuzzTrials trials = new FuzzTrials(CONFIG);
    TrialTreeBuilder tree = new TrialTreeBuilder(work.resolve("Parsed"), CONFIG);
    Map<String, TrialOutcome> expected = new TreeMap<>();
    Map<String, String> edits = new HashMap<>();
    List<String> valid = new ArrayList<>();
    for (int t = 0; t < TRIALS; t++) {
      String name = "fuzz_" + (t + 1) + "_on";
      TrialId id = new TrialId("BT01", name);
      List<String> plain = trials.valid(random);
      StringBuilder what = new StringBuilder();
      // The first trial stays valid, every third is only rewritten, the others are damaged.
      List<byte[]> files;
      if (t == 0 || t % 3 == 1) {
        files = t == 0 ? ascii(plain) : rewritten(plain, random, what);
        valid.add(name);
      } else {
        files = damaged(plain, random, what);
      }
      Path folder = tree.trial(id.participant(), name, 1);
      for (int group = 0; group < files.size(); group++) {
        String file = CONFIG.selection().group(group).fileName(id.participant(), name);
        Files.write(folder.resolve(file), files.get(group));
      }
      expected.put(name, InMemoryTrial.merge(id, files, CONFIG));
      edits.put(name, what.toString());
    }

    SparkSession spark = LocalSpark.start(getClass().getSimpleName());
    try {
      String output = work.resolve("out").toUri().toString();
      PrepareResult result =
          new PrepareJob(
                  spark,
                  new PrepareOptions(
                      work.resolve("Parsed").toUri().toString(), output, List.of(), CONFIG))
              .execute();
      Map<String, Row> written = new HashMap<>();
      for (Row row : spark.read().parquet(output + "/data").collectAsList()) {
        written.put(row.getAs(OutputColumns.TRIAL_NAME), row);
      }
      Map<String, Row> rejected = new HashMap<>();
      for (Row row : spark.read().parquet(output + "/rejects/*.parquet").collectAsList()) {
        rejected.put(row.getAs(OutputColumns.TRIAL_NAME), row);
      }

      assertThat(result.trialsFound()).isEqualTo(TRIALS);
      assertThat(written.keySet()).doesNotContainAnyElementsOf(rejected.keySet());
      List<String> all = new ArrayList<>(written.keySet());
      all.addAll(rejected.keySet());
      assertThat(all).containsExactlyInAnyOrderElementsOf(expected.keySet());
      // Valid trials are written, in whatever dialect, whatever their NaN cells (nan-policy keep).
      assertThat(written).containsKeys(valid.toArray(String[]::new));
      expected.forEach(
          (name, outcome) -> {
            String as = name + " (" + edits.get(name) + ")";
            if (outcome.accepted()) {
              assertThat(written).as(as).containsKey(name);
              assertThat(arraysOf(written.get(name)))
                  .as(as)
                  .usingElementComparator((a, b) -> Arrays.deepEquals(a, b) ? 0 : 1)
                  .containsExactlyElementsOf(outcome.arrays());
            } else {
              assertThat(rejected).as(as).containsKey(name);
              Row reject = rejected.get(name);
              assertThat(reject.<String>getAs(OutputColumns.REASON_CODE))
                  .as(as)
                  .isEqualTo(outcome.issue().code().name());
              assertThat(reject.<String>getAs(OutputColumns.DETAIL))
                  .as(as)
                  .isEqualTo(outcome.issue().detail());
            }
          });
    } finally {
      spark.stop();
    }
  }

  private static List<byte[]> ascii(List<String> files) {
    return files.stream().map(file -> file.getBytes(StandardCharsets.US_ASCII)).toList();
  }

  private static List<byte[]> rewritten(List<String> plain, Random random, StringBuilder what) {
    return plain.stream().map(file -> FuzzTrials.rewrite(file, random, what)).toList();
  }

  private static List<byte[]> damaged(List<String> plain, Random random, StringBuilder what) {
    return FuzzTrials.damage(plain, random, what);
  }

  /** The three float matrices of a data row, in selection order. */
  private static List<float[][]> arraysOf(Row row) {
    List<float[][]> arrays = new ArrayList<>();
    for (int group = 0; group < CONFIG.selection().size(); group++) {
      List<Object> rows = row.getList(row.fieldIndex(CONFIG.selection().group(group).column()));
      float[][] matrix = new float[rows.size()][];
      for (int r = 0; r < rows.size(); r++) {
        List<Float> values =
            scala.jdk.javaapi.CollectionConverters.asJava(
                (scala.collection.Seq<Float>) rows.get(r));
        matrix[r] = new float[values.size()];
        for (int c = 0; c < values.size(); c++) {
          matrix[r][c] = values.get(c);
        }
      }
      arrays.add(matrix);
    }
    return arrays;
  }
}
