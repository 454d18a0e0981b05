package io.macexo.exoetl.write;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.model.FeatureGroup;
import io.macexo.exoetl.model.PrepareResult;
import io.macexo.exoetl.model.ReasonCode;
import io.macexo.exoetl.model.Versions;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Builds {@code metadata.json}: what went in, what came out, with which settings and versions. The
 * dataset card, the demo summary and {@code validate} read it. Building is pure; {@link #write} is
 * the only I/O.
 */
public final class MetadataWriter {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private MetadataWriter() {}

  public static ObjectNode build(PrepareResult result, EtlConfig config) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("exo_etl_version", Versions.exoEtl());
    root.put("spark_version", Versions.spark());
    root.put("created_at", result.started().toString());
    root.put("run_id", result.runId());
    root.put("input", result.input());
    root.put("nan_policy", config.nanPolicy().label());
    root.put("sampling_rate_hz", config.samplingRateHz());
    root.put("time_column", config.selection().timeColumn());
    ObjectNode features = root.putObject("features");
    var groups = root.putArray("groups");
    for (FeatureGroup group : config.selection().groups()) {
      group.features().forEach(features.putArray(group.name())::add);
      ObjectNode node =
          groups
              .addObject()
              .put("name", group.name())
              .put("file", group.file())
              .put("column", group.column())
              .put("unit", group.unit())
              .put("description", group.description());
      group.features().forEach(node.putArray("features")::add);
    }
    var participants = root.putArray("participants");
    for (Map.Entry<String, Long> entry : result.writtenPerParticipant().entrySet()) {
      ObjectNode participant = participants.addObject();
      participant.put("participant", entry.getKey());
      participant.put("mass_kg", config.massOf(entry.getKey()).orElse(Double.NaN));
      participant.put("trials", entry.getValue());
    }
    ObjectNode totals = root.putObject("totals");
    totals.put("trials_found", result.trialsFound());
    totals.put("trials_written", result.trialsWritten());
    totals.put("trials_rejected", result.trialsFound() - result.trialsWritten());
    ObjectNode byReason = totals.putObject("rejected_by_reason");
    for (Map.Entry<ReasonCode, Long> entry : result.rejectedByReason().entrySet()) {
      byReason.put(entry.getKey().name(), entry.getValue());
    }
    totals.put("input_bytes", result.inputBytes());
    totals.put("output_bytes", result.outputBytes());
    totals.put("wall_seconds", result.wallTime().toMillis() / 1000.0);
    ObjectNode families = root.putObject("task_families");
    result.writtenPerTaskFamily().forEach(families::put);
    return root;
  }

  public static void write(FileSystem fs, Path path, ObjectNode metadata) throws IOException {
    try (OutputStream out = OutputFiles.create(fs, path)) {
      MAPPER.writerWithDefaultPrettyPrinter().writeValue(out, metadata);
    }
  }
}
