package io.macexo.exoetl.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.macexo.exoetl.card.DatasetCard;
import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.model.Manifest;
import io.macexo.exoetl.model.OutputLayout;
import io.macexo.exoetl.model.PrepareResult;
import io.macexo.exoetl.model.TrialStats;
import io.macexo.exoetl.model.TrialSummary;
import io.macexo.exoetl.stats.DatasetStats;
import io.macexo.exoetl.write.ManifestStore;
import io.macexo.exoetl.write.MetadataWriter;
import io.macexo.exoetl.write.OutputFiles;
import io.macexo.exoetl.write.RejectsWriter;
import io.macexo.exoetl.write.SplitsWriter;
import io.macexo.exoetl.write.TrialsTableWriter;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;

/**
 * Writes the files that describe the whole output, after the data is in place: rejects, the trials
 * table, metadata.json, stats.json, splits.json, the dataset card, the manifest. All are rebuilt
 * from the merged manifest, so they cover carried-over participants as well as this run's.
 */
final class ArtifactsWriter {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final SparkSession spark;
  private final FileSystem fs;
  private final OutputLayout layout;
  private final EtlConfig config;

  ArtifactsWriter(SparkSession spark, FileSystem fs, OutputLayout layout, EtlConfig config) {
    this.spark = spark;
    this.fs = fs;
    this.layout = layout;
    this.config = config;
  }

  void write(PrepareResult result, Manifest manifest) throws IOException {
    RejectsWriter.write(fs, layout, result.rejects(), config.output(), spark.version());
    new TrialsTableWriter(config.selection(), config.output(), spark.version())
        .write(fs, layout, manifest);
    ObjectNode metadata = MetadataWriter.build(result, config);
    MetadataWriter.write(fs, layout.metadata(), metadata);
    OutputFiles.writeString(fs, layout.card(), DatasetCard.render(metadata));
    Map<String, TrialStats> stats = ManifestMerge.stats(manifest);
    List<Integer> lengths =
        result.trials().stream()
            .filter(TrialSummary::written)
            .map(TrialSummary::sequenceLength)
            .toList();
    json(
        layout.stats(),
        DatasetStats.build(config.selection(), stats, lengths, result.writtenPerTaskFamily()));
    json(
        layout.splits(),
        SplitsWriter.build(config.splits(), List.copyOf(result.writtenPerParticipant().keySet())));
    ManifestStore.write(fs, layout.manifest(), manifest);
  }

  private void json(org.apache.hadoop.fs.Path path, ObjectNode node) throws IOException {
    OutputFiles.writeString(
        fs, path, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n");
  }
}
