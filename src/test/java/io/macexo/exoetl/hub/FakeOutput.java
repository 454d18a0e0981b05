package io.macexo.exoetl.hub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A small prepare output on disk for sync tests: a few binary "Parquet" files under {@code
 * data/subject=BTxx/}, the dataset card, metadata.json, the {@code _SUCCESS} marker, plus the
 * hidden files Spark leaves ({@code .crc}, {@code data/_SUCCESS}) which sync must ignore. No Spark.
 */
public final class FakeOutput {
  public static final String METADATA =
      """
      {"exo_etl_version":"0.1.0","spark_version":"4.1.3","created_at":"2026-11-22T01:00:00Z",
       "input":"file:/data/Parsed","nan_policy":"keep","sampling_rate_hz":200,
       "features":{"imu":["thigh_imu_l_accel_x","thigh_imu_l_gyro_x"],
                   "angle":["hip_flexion_l","hip_flexion_r","knee_angle_l","knee_angle_r"],
                   "moment":["hip_flexion_l_moment","hip_flexion_r_moment","knee_angle_l_moment","knee_angle_r_moment"]},
       "participants":[{"participant":"BT01","mass_kg":80.59,"trials":2},{"participant":"BT02","mass_kg":72.24,"trials":1}],
       "totals":{"trials_found":4,"trials_written":3,"trials_rejected":1,"rejected_by_reason":{"MISSING_FILE":1}},
       "task_families":{"normal_walk":2,"stairs":1}}
      """;

  final Path root;

  private FakeOutput(Path root) {
    this.root = root;
  }

  /** The standard fixture: BT01 (2 files), BT02 (1), BT03 (1), each a few kB. */
  static FakeOutput standard(Path dir) {
    FakeOutput output = new FakeOutput(dir);
    output.write("data/subject=BT01/part-00000.parquet", 3000, 1);
    output.write("data/subject=BT01/part-00001.parquet", 4000, 2);
    output.write("data/subject=BT02/part-00000.parquet", 5000, 3);
    output.write("data/subject=BT03/part-00000.parquet", 2500, 4);
    output.text("data/subject=BT01/.part-00000.parquet.crc", "crc");
    output.text("data/_SUCCESS", "");
    output.text("README.md", "---\nlicense: other\n---\n# Test dataset\n");
    output.text("metadata.json", METADATA);
    output.text("_SUCCESS", "");
    return output;
  }

  /**
   * The standard fixture in the layout outputs had before {@code data/subject=}: {@code
   * data/participant=BT01/}, with the same bytes.
   */
  static FakeOutput legacy(Path dir) {
    FakeOutput output = standard(dir);
    for (String participant : java.util.List.of("BT01", "BT02", "BT03")) {
      try {
        Files.move(
            dir.resolve("data/subject=" + participant),
            dir.resolve("data/participant=" + participant));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return output;
  }

  /** Writes random bytes (starting with the Parquet magic) from a seed. */
  FakeOutput write(String relative, int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    System.arraycopy("PAR1".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, Math.min(4, size));
    return bytes(relative, bytes);
  }

  FakeOutput bytes(String relative, byte[] bytes) {
    try {
      Path file = root.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  FakeOutput text(String relative, String text) {
    return bytes(relative, text.getBytes(StandardCharsets.UTF_8));
  }

  FakeOutput delete(String relative) {
    try {
      Files.delete(root.resolve(relative));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  byte[] read(String relative) {
    try {
      return Files.readAllBytes(root.resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String sha256(String relative) {
    try {
      return GitOids.sha256(Files.readAllBytes(root.resolve(relative)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The SHA-256 of a file as sync publishes it: the card is rendered from metadata.json for the
   * repo, every other file is sent as it is.
   */
  String publishedSha256(String relative, RepoId repo) {
    if (!relative.equals("README.md") || !Files.exists(root.resolve("metadata.json"))) {
      return sha256(relative);
    }
    try {
      String card =
          io.macexo.exoetl.card.DatasetCard.render(
              new com.fasterxml.jackson.databind.ObjectMapper()
                  .readTree(Files.readString(root.resolve("metadata.json"))),
              repo.toString());
      return GitOids.sha256(card.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String uri() {
    return root.toUri().toString();
  }
}
