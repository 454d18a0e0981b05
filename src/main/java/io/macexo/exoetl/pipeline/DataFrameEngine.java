package io.macexo.exoetl.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;

import io.macexo.exoetl.assemble.TrialAssembler;
import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.model.OutputColumns;
import io.macexo.exoetl.model.ReasonCode;
import io.macexo.exoetl.model.Reject;
import io.macexo.exoetl.model.TrialFiles;
import io.macexo.exoetl.model.TrialId;
import io.macexo.exoetl.read.SensorFileReader;
import io.macexo.exoetl.stats.FeatureAggregation;
import io.macexo.exoetl.stats.TrialStats;
import io.macexo.exoetl.validate.IssueColumns;
import io.macexo.exoetl.validate.RowChecks;
import io.macexo.exoetl.write.DataWriter;
import io.macexo.exoetl.write.OutputLayout;
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
 * The DataFrame engine: {@link SensorFileReader} → {@link RowChecks} → {@link TrialAssembler}, then
 * the write. The per-trial rows are cached (memory, then disk) so that the write and the collection
 * of outcomes read the CSVs once.
 */
final class DataFrameEngine implements TrialEngine {
  @Override
  public List<TrialSummary> run(
      SparkSession spark, List<TrialFiles> trials, String stagingUri, EtlConfig config) {
    Dataset<Row> parsed = SensorFileReader.read(spark, trials, config);
    Dataset<Row> assembled =
        TrialAssembler.assemble(RowChecks.flag(parsed, config), config)
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      spark
          .sparkContext()
          .setJobDescription("read, validate, join and write " + trials.size() + " trials");
      DataWriter.write(
          assembled.where(col(IssueColumns.ISSUE).isNull()), stagingUri, config.output());
      spark.sparkContext().setJobDescription("collect per-trial outcomes and statistics");
      Map<TrialId, TrialStats> stats =
          FeatureAggregation.perTrial(
              assembled.where(col(IssueColumns.ISSUE).isNull()),
              config.features().imu().size(),
              config.features().angle().size());
      List<TrialSummary> summaries = collect(assembled, stats);
      return summaries.stream().anyMatch(TrialSummary::written)
          ? withDataFiles(summaries, dataFiles(spark, stagingUri))
          : summaries;
    } finally {
      assembled.unpersist();
      spark.sparkContext().setJobDescription(null);
    }
  }

  /** Which staged file holds each written trial: Spark's writer does not say. */
  private static Map<TrialId, String> dataFiles(SparkSession spark, String stagingUri) {
    spark.sparkContext().setJobDescription("list the data file of each written trial");
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
      Dataset<Row> assembled, Map<TrialId, TrialStats> stats) {
    List<TrialSummary> summaries = new ArrayList<>();
    List<Row> rows =
        assembled
            .select(
                col(OutputColumns.PARTICIPANT),
                col(OutputColumns.TRIAL_NAME),
                col(OutputColumns.SEQUENCE_LENGTH),
                col(IssueColumns.ISSUE + "." + IssueColumns.CODE),
                col(IssueColumns.ISSUE + "." + IssueColumns.DETAIL))
            .collectAsList();
    for (Row row : rows) {
      TrialId id = new TrialId(row.getString(0), row.getString(1));
      Reject reject =
          row.isNullAt(3)
              ? null
              : new Reject(id, ReasonCode.valueOf(row.getString(3)), row.getString(4));
      summaries.add(
          reject == null
              ? TrialSummary.written(id, row.getInt(2), stats.get(id))
              : TrialSummary.rejected(reject));
    }
    return summaries;
  }
}
