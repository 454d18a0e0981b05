package io.macexo.exoetl.audit;

import static org.apache.spark.sql.functions.input_file_name;

import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.model.Locations;
import io.macexo.exoetl.model.OutputColumns;
import io.macexo.exoetl.model.OutputLayout;
import io.macexo.exoetl.write.DatasetSchema;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Checks any output, ours or one downloaded from the Hub, and reports what is wrong without ever
 * stopping at it. In order: every data file's footer and schema on the driver ({@link
 * DataFileAudit}); every row of the readable files as Spark jobs ({@link RowAudit}); metadata.json
 * and stats.json against those rows ({@link MetadataAudit}, {@link StatsAudit}); the files the
 * manifest lists ({@link ManifestAudit}). A broken data file or JSON file is one problem naming it;
 * a broken data file is left out of the rest, with a note. Files an output lacks (a Hub download
 * may hold only data/ and README.md) skip their checks, and say so. Only an output root that is not
 * a folder stops the audit, as a user mistake.
 */
public final class OutputAudit {
  private final SparkSession spark;
  private final EtlConfig config;

  public OutputAudit(SparkSession spark, EtlConfig config) {
    this.spark = spark;
    this.config = config;
  }

  /** The outcome: problems (empty when clean), notes on skipped checks, rows seen. */
  public record Report(List<Problem> problems, List<String> notes, long rows, long participants) {}

  /**
   * Audits the output at {@code outputUri}.
   *
   * @throws io.macexo.exoetl.config.ConfigException when the root does not exist or is a file
   * @throws IOException when the root's file system cannot say what it is
   */
  public Report run(String outputUri) throws IOException {
    Path root = Locations.root(outputUri);
    FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
    OutputLayout layout = new OutputLayout(folder(fs, fs.makeQualified(root)));
    StructType schema = DatasetSchema.of(config.selection());
    Findings findings = new Findings();
    DataFiles files = new DataFileAudit(fs, layout, schema).scan();
    findings.addAll(files.problems());
    if (!files.leftOut().isEmpty()) {
      findings.note(AuditMessages.leftOut(files.leftOut().size()));
    }
    Dataset<Row> data = files.read(spark, schema);
    DescriptionAudit descriptions = new DescriptionAudit(fs, layout, config);
    long rows = 0;
    long participants = 0;
    try {
      findings.addAll(
          RowAudit.check(
              data.withColumn("_file", input_file_name()), config, descriptions.nanRejected()));
      rows = data.count();
      participants = data.select(OutputColumns.PARTICIPANT).distinct().count();
      descriptions.check(data, files.coverage(), findings);
    } catch (Exception e) {
      // Spark's actions throw SparkException undeclared. A file whose footer is sound but whose
      // pages are damaged gets this far; it is a problem to report, not a reason to die.
      findings.add(AuditMessages.dataUnreadable(e));
    }
    return new Report(findings.problems(), findings.notes(), rows, participants);
  }

  /** The root, checked to be a folder: anything else is a mistake in {@code --output}. */
  private static Path folder(FileSystem fs, Path root) throws IOException {
    FileStatus status;
    try {
      status = fs.getFileStatus(root);
    } catch (FileNotFoundException e) {
      throw AuditMessages.noSuchOutput(root);
    }
    if (!status.isDirectory()) {
      throw AuditMessages.outputIsAFile(root);
    }
    return root;
  }
}
