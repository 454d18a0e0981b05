package io.macexo.exoetl.pipeline;

import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.model.InputEntry;
import io.macexo.exoetl.model.Manifest;
import io.macexo.exoetl.model.Versions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * SHA-256 fingerprints that decide what an incremental run re-processes: one of the settings that
 * change output bytes (features, rate, NaN policy, Parquet settings, the code version), and one per
 * participant of its inputs (trial folders, the three files' sizes and modification times, and
 * their content hashes with --verify-content) and its mass. The engine is left out: both give equal
 * output.
 */
final class Fingerprints {
  private Fingerprints() {}

  static String settings(EtlConfig config) {
    return sha256(
        String.join(
            "\n",
            "version=" + Versions.exoEtl(),
            // The plain data/BT01/ layout and the trials table: an output of the old layout is
            // rebuilt once, so its manifest gains what the trials table needs.
            "layout=" + Manifest.FORMAT,
            "rate=" + config.samplingRateHz(),
            "nan=" + config.nanPolicy(),
            // What a group reads and writes changes output bytes; its unit and description do not.
            "time=" + config.selection().timeColumn(),
            "groups="
                + config.selection().groups().stream()
                    .map(g -> g.file() + ">" + g.column() + g.features())
                    .toList(),
            "output=" + config.output()));
  }

  /**
   * @param contentHashes path to sha256 of content, empty unless --verify-content
   */
  static String participant(
      List<InputEntry> inputs, Double massKg, Map<String, String> contentHashes) {
    StringBuilder text = new StringBuilder("mass=" + massKg + "\n");
    inputs.stream()
        .sorted(java.util.Comparator.comparing(InputEntry::path))
        .forEach(
            e ->
                text.append(e.path())
                    .append('|')
                    .append(e.size())
                    .append('|')
                    .append(e.modified())
                    .append('|')
                    .append(contentHashes.getOrDefault(e.path(), ""))
                    .append('\n'));
    return sha256(text.toString());
  }

  static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
