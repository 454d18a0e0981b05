package io.macexo.exoetl.pipeline;

import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.model.TrialFiles;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * Reads, validates and assembles trials and writes the accepted ones as Parquet under a staging URI
 * ({@code participant_part=P/} folders). Returns a summary per trial: only ids, lengths and reject
 * reasons reach the driver, never sensor rows.
 */
interface TrialEngine {
  List<TrialSummary> run(
      SparkSession spark, List<TrialFiles> trials, String stagingUri, EtlConfig config);

  static TrialEngine of(io.macexo.exoetl.config.Engine engine) {
    return switch (engine) {
      case PER_TRIAL -> new PerTrialEngine();
      case DATAFRAME -> new DataFrameEngine();
    };
  }
}
