package io.macexo.exoetl.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.macexo.exoetl.stats.Moments;
import io.macexo.exoetl.stats.TrialStats;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads and writes {@code manifest.json}. An unreadable or older-format manifest means a full run.
 */
public final class ManifestStore {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ManifestStore() {}

  public static Optional<Manifest> read(FileSystem fs, Path path) throws IOException {
    if (!fs.exists(path)) {
      return Optional.empty();
    }
    JsonNode root;
    try (InputStream in = fs.open(path)) {
      root = MAPPER.readTree(in);
    }
    if (root == null || root.path("format").asInt() != Manifest.FORMAT) {
      return Optional.empty();
    }
    Map<String, Manifest.ParticipantEntry> participants = new LinkedHashMap<>();
    root.path("participants")
        .fields()
        .forEachRemaining(e -> participants.put(e.getKey(), entry(e.getValue())));
    return Optional.of(new Manifest(root.path("settings_fingerprint").asText(), participants));
  }

  public static void write(FileSystem fs, Path path, Manifest manifest) throws IOException {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", Manifest.FORMAT);
    root.put("settings_fingerprint", manifest.settingsFingerprint());
    ObjectNode participants = root.putObject("participants");
    manifest.participants().forEach((id, entry) -> participants.set(id, node(entry)));
    try (OutputStream out = OutputFiles.create(fs, path)) {
      MAPPER.writerWithDefaultPrettyPrinter().writeValue(out, root);
    }
  }

  private static ObjectNode node(Manifest.ParticipantEntry entry) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("mass_kg", entry.massKg());
    node.put("inputs_fingerprint", entry.inputsFingerprint());
    ArrayNode trials = node.putArray("trials");
    for (Manifest.TrialRecord trial : entry.trials()) {
      ObjectNode t =
          trials
              .addObject()
              .put("trial_name", trial.trial())
              .put("sequence_length", trial.sequenceLength());
      if (!trial.written()) {
        t.put("reason_code", trial.reasonCode()).put("detail", trial.detail());
      }
    }
    ArrayNode files = node.putArray("data_files");
    entry.dataFiles().forEach(f -> files.addObject().put("path", f.path()).put("size", f.size()));
    ArrayNode stats = node.putArray("stats");
    for (Moments m : entry.stats().features()) {
      stats
          .addObject()
          .put("count", m.count())
          .put("nan_count", m.nanCount())
          .put("mean", m.mean())
          .put("m2", m.m2())
          .put("min", m.min())
          .put("max", m.max());
    }
    return node;
  }

  private static Manifest.ParticipantEntry entry(JsonNode node) {
    List<Manifest.TrialRecord> trials = new ArrayList<>();
    for (JsonNode t : node.path("trials")) {
      trials.add(
          new Manifest.TrialRecord(
              t.path("trial_name").asText(),
              t.path("sequence_length").asInt(),
              t.hasNonNull("reason_code") ? t.get("reason_code").asText() : null,
              t.hasNonNull("detail") ? t.get("detail").asText() : null));
    }
    List<Manifest.DataFile> files = new ArrayList<>();
    for (JsonNode f : node.path("data_files")) {
      files.add(new Manifest.DataFile(f.path("path").asText(), f.path("size").asLong()));
    }
    List<Moments> moments = new ArrayList<>();
    for (JsonNode m : node.path("stats")) {
      moments.add(
          new Moments(
              m.path("count").asLong(),
              m.path("nan_count").asLong(),
              m.path("mean").asDouble(),
              m.path("m2").asDouble(),
              number(m.path("min")),
              number(m.path("max"))));
    }
    return new Manifest.ParticipantEntry(
        node.path("mass_kg").asDouble(),
        node.path("inputs_fingerprint").asText(),
        trials,
        files,
        new TrialStats(moments));
  }

  /** Jackson writes infinities (of a participant with no values) as strings. */
  private static double number(JsonNode node) {
    return node.isNumber() ? node.asDouble() : Double.parseDouble(node.asText());
  }
}
