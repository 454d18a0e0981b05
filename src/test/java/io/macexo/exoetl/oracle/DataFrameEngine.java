package io.macexo.exoetl.oracle;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;

import io.macexo.exoetl.model.Issue;
import io.macexo.exoetl.model.OutputColumns;
import io.macexo.exoetl.model.OutputLayout;
import io.macexo.exoetl.model.Reject;
import io.macexo.exoetl.model.TrialId;
import io.macexo.exoetl.model.TrialStats;
import io.macexo.exoetl.model.TrialSummary;
import io.macexo.exoetl.pipeline.TrialEngine;
import io.macexo.exoetl.stats.FeatureAggregation;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The oracle: the design card's DataFrame formulation of the job's rules, {@link SensorFileReader}
 * (one row per CSV line) → {@link RowChecks} (validation as DataFrame expressions) → {@link
 * TrialAssembler} (a join on the time step, a group-by with a sorted {@code collect_list}) → {@link
 * DataWriter} (Spark's partitioned writer). It was measured 6–17× slower than the job's per-trial
 * engine and stays here to prove it: {@code EngineEquivalenceTest} compares every cell and every
 * reject of the two. The per-trial rows are cached (memory, then disk) so that the write and the
 * collection of outcomes read the CSVs once.
 */
public final class DataFrameEngine implements TrialEngine {
  @Override
  public List<TrialSummary> run(SparkSession spark, Work work) {
    Dataset<Row> parsed = SensorFileReader.read(spark, work.trials(), work.config());
    Dataset<Row> assembled =
        TrialAssembler.assemble(RowChecks.flag(parsed, work.config()), work.config())
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> accepted = assembled.where(col(IssueColumns.ISSUE).isNull());
      DataWriter.write(
          accepted, work.stagingUri(), work.config().output(), work.config().selection());
      Map<TrialId, TrialStats> stats =
          FeatureAggregation.perTrial(accepted, work.config().selection());
      List<TrialSummary> summaries = collect(assembled, stats, work);
      return summaries.stream().anyMatch(TrialSummary::written)
          ? withDataFiles(summaries, dataFiles(spark, work.stagingUri()))
          : summaries;
    } finally {
      assembled.unpersist();
    }
  }

  /** Which staged file holds each written trial: Spark's writer does not say. */
  private static Map<TrialId, String> dataFiles(SparkSession spark, String stagingUri) {
    Map<TrialId, String> files = new HashMap<>();
    for (Row row :
        spark
            .read()
            .parquet(stagingUri)
            .select(
                col(OutputColumns.PARTICIPANT), col(OutputColumns.TRIAL_NAME), input_file_name())
            .collectAsList()) {
      String name = new Path(URI.create(row.getString(2))).getName();
      files.put(
          new TrialId(row.getString(0), row.getString(1)),
          OutputLayout.dataFile(row.getString(0), name));
    }
    return files;
  }

  private static List<TrialSummary> withDataFiles(
      List<TrialSummary> summaries, Map<TrialId, String> files) {
    return summaries.stream()
        .map(
            t ->
                t.written()
                    ? TrialSummary.written(t.id(), t.sequenceLength(), t.stats(), files.get(t.id()))
                    : t)
        .toList();
  }

  private static List<TrialSummary> collect(
      Dataset<Row> assembled, Map<TrialId, TrialStats> stats, Work work) {
    List<TrialSummary> summaries = new ArrayList<>();
    List<Row> rows =
        assembled
            .select(
                col(OutputColumns.PARTICIPANT),
                col(OutputColumns.TRIAL_NAME),
                col(OutputColumns.SEQUENCE_LENGTH),
                col(IssueColumns.ISSUE))
            .collectAsList();
    for (Row row : rows) {
      TrialId id = new TrialId(row.getString(0), row.getString(1));
      if (row.isNullAt(3)) {
        summaries.add(TrialSummary.written(id, row.getInt(2), stats.get(id)));
      } else {
        Issue issue =
            OracleIssues.of(
                row.getStruct(3),
                id.participant(),
                id.trial(),
                work.config().selection(),
                work.config().samplingRateHz());
        summaries.add(TrialSummary.rejected(new Reject(id, issue.code(), issue.detail())));
      }
    }
    return summaries;
  }
}
