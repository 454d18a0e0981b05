package io.macexo.exoetl.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.macexo.exoetl.model.Manifest;
import io.macexo.exoetl.model.Moments;
import io.macexo.exoetl.model.TrialStats;
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
 * Reads and writes {@code manifest.json}. An unreadable or unknown-format manifest means a full
 * run. A format 1 manifest (the {@code data/participant=BT01/} layout) is read with its data file
 * paths moved to the layout that {@link LayoutMigration} renamed its folders to; its participants
 * are re-processed once, because no settings fingerprint matches a format 1 manifest.
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
    int format = root == null ? 0 : root.path("format").asInt();
    if (format != Manifest.FORMAT && format != 1) {
      return Optional.empty();
    }
    Map<String, Manifest.ParticipantEntry> participants = new LinkedHashMap<>();
    root.path("participants")
        .fields()
        .forEachRemaining(e -> participants.put(e.getKey(), entry(e.getValue())));
    // A format 1 manifest lacks what the trials table needs: no settings match it, so every
    // participant still in the input is re-processed once.
    String settings = format == 1 ? "format-1" : root.path("settings_fingerprint").asText();
    return Optional.of(new Manifest(settings, participants));
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
      } else {
        if (trial.dataFile() != null) {
          t.put("data_file", trial.dataFile());
        }
        ArrayNode shares = t.putArray("nan_shares");
        trial.nanShares().forEach(shares::add);
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
      String name = t.path("trial_name").asText();
      if (t.hasNonNull("reason_code")) {
        trials.add(
            Manifest.TrialRecord.rejected(
                name, t.get("reason_code").asText(), t.path("detail").asText()));
      } else {
        List<Double> shares = new ArrayList<>();
        t.path("nan_shares").forEach(share -> shares.add(share.asDouble()));
        trials.add(
            Manifest.TrialRecord.written(
                name,
                t.path("sequence_length").asInt(),
                t.hasNonNull("data_file")
                    ? LayoutMigration.currentPath(t.get("data_file").asText())
                    : null,
                shares));
      }
    }
    List<Manifest.DataFile> files = new ArrayList<>();
    for (JsonNode f : node.path("data_files")) {
      files.add(
          new Manifest.DataFile(
              LayoutMigration.currentPath(f.path("path").asText()), f.path("size").asLong()));
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
