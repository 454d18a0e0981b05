package io.macexo.exoetl.pipeline;

import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.model.TrialFiles;
import io.macexo.exoetl.model.TrialSummary;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * Reads, validates and assembles trials and writes the accepted ones as Parquet under a staging URI
 * (one {@code subject=P/} folder per participant). Returns a summary per trial: only ids, lengths,
 * statistics and reject reasons reach the driver, never sensor rows. The job's engine is {@link
 * PerTrialEngine}; the tests plug in the DataFrame formulation of the same rules as an oracle.
 */
public interface TrialEngine {
  /** What one run of the engine works with. */
  record Work(List<TrialFiles> trials, String stagingUri, EtlConfig config, RunProgress progress) {
    public Work {
      trials = List.copyOf(trials);
    }
  }

  List<TrialSummary> run(SparkSession spark, Work work);
}
