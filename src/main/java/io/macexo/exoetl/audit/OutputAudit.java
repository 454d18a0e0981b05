package io.macexo.exoetl.audit;

import static org.apache.spark.sql.functions.input_file_name;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.macexo.exoetl.audit.Problem.Check;
import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.model.Locations;
import io.macexo.exoetl.model.Manifest;
import io.macexo.exoetl.model.OutputColumns;
import io.macexo.exoetl.model.OutputLayout;
import io.macexo.exoetl.write.DatasetSchema;
import io.macexo.exoetl.write.ManifestStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;

/**
 * Checks any output, ours or one downloaded from the Hub: the schema, every row (see {@link
 * RowAudit}), metadata.json and stats.json against the data, and the files the manifest lists.
 * Files an output lacks (a Hub download may hold only data/ and README.md) skip their checks, and
 * say so.
 */
public final class OutputAudit {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final SparkSession spark;
  private final EtlConfig config;

  public OutputAudit(SparkSession spark, EtlConfig config) {
    this.spark = spark;
    this.config = config;
  }

  /** The outcome: problems (empty when clean), notes on skipped checks, rows seen. */
  public record Report(List<Problem> problems, List<String> notes, long rows, long participants) {}

  public Report run(String outputUri) throws IOException {
    Path root = Locations.root(outputUri);
    FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
    OutputLayout layout = new OutputLayout(fs.makeQualified(root));
    List<Problem> problems = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    if (!fs.exists(layout.data())) {
      problems.add(new Problem(Check.SCHEMA, layout.data().toString(), "no data folder"));
      return new Report(problems, notes, 0, 0);
    }
    // Recursive lookup reads the files as the Hub's datasets library does: no folder-name columns.
    Dataset<Row> data =
        spark
            .read()
            .option("recursiveFileLookup", "true")
            .option("pathGlobFilter", "*" + OutputLayout.PARQUET)
            .parquet(Locations.literalGlob(layout.data()));
    problems.addAll(schemas(fs, layout));
    if (!problems.isEmpty()) {
      return new Report(problems, notes, 0, 0);
    }
    Optional<JsonNode> metadata = json(fs, layout.metadata());
    boolean nanRejected =
        metadata.map(m -> m.path("nan_policy").asText()).orElse("keep").equals("reject");
    problems.addAll(
        RowAudit.check(data.withColumn("_file", input_file_name()), config, nanRejected));
    long rows = data.count();
    long participants = data.select(OutputColumns.PARTICIPANT).distinct().count();
    metadata.ifPresentOrElse(
        m -> problems.addAll(MetadataAudit.metadata(m, data)),
        () -> notes.add("no metadata.json: metadata check skipped"));
    json(fs, layout.stats())
        .ifPresentOrElse(
            s -> problems.addAll(MetadataAudit.stats(s, data, config)),
            () -> notes.add("no stats.json: statistics check skipped"));
    Optional<Manifest> manifest = ManifestStore.read(fs, layout.manifest());
    manifest.ifPresentOrElse(
        m -> problems.addAll(manifestFiles(fs, layout, m)),
        () -> notes.add("no manifest.json: file check skipped"));
    return new Report(problems, notes, rows, participants);
  }

  /**
   * Each file's own schema: Spark would take one file's schema for all and fail later on the
   * others.
   */
  private List<Problem> schemas(FileSystem fs, OutputLayout layout) throws IOException {
    List<Problem> problems = new ArrayList<>();
    org.apache.hadoop.fs.RemoteIterator<org.apache.hadoop.fs.LocatedFileStatus> files =
        fs.listFiles(layout.data(), true);
    while (files.hasNext()) {
      Path file = files.next().getPath();
      if (file.getName().endsWith(OutputLayout.PARQUET)) {
        for (Problem problem : schema(spark.read().parquet(Locations.literalGlob(file)))) {
          problems.add(
              new Problem(
                  problem.check(),
                  layout.root().toUri().relativize(file.toUri()) + ": " + problem.where(),
                  problem.what()));
        }
      }
    }
    return problems;
  }

  private List<Problem> schema(Dataset<Row> data) {
    List<Problem> problems = new ArrayList<>();
    for (StructField expected : DatasetSchema.of(config.selection()).fields()) {
      Optional<StructField> actual =
          java.util.Arrays.stream(data.schema().fields())
              .filter(f -> f.name().equals(expected.name()))
              .findFirst();
      if (actual.isEmpty()) {
        problems.add(new Problem(Check.SCHEMA, expected.name(), "column is missing"));
      } else if (!sameType(actual.get(), expected)) {
        problems.add(
            new Problem(
                Check.SCHEMA,
                expected.name(),
                "is "
                    + actual.get().dataType().simpleString()
                    + ", expected "
                    + expected.dataType().simpleString()));
      }
    }
    return problems;
  }

  private static boolean sameType(StructField actual, StructField expected) {
    return actual.dataType().simpleString().equals(expected.dataType().simpleString());
  }

  private static List<Problem> manifestFiles(
      FileSystem fs, OutputLayout layout, Manifest manifest) {
    List<Problem> problems = new ArrayList<>();
    manifest
        .participants()
        .forEach(
            (participant, entry) -> {
              for (Manifest.DataFile file : entry.dataFiles()) {
                try {
                  if (!fs.exists(new Path(layout.root(), file.path()))) {
                    problems.add(
                        new Problem(
                            Check.MANIFEST, file.path(), "listed in manifest.json but missing"));
                  }
                } catch (IOException e) {
                  problems.add(
                      new Problem(
                          Check.MANIFEST, file.path(), "cannot be checked: " + e.getMessage()));
                }
              }
            });
    return problems;
  }

  private static Optional<JsonNode> json(FileSystem fs, Path path) throws IOException {
    if (!fs.exists(path)) {
      return Optional.empty();
    }
    try (InputStream in = fs.open(path)) {
      return Optional.of(MAPPER.readTree(in));
    }
  }
}
