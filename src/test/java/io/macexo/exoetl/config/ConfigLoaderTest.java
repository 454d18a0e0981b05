package io.macexo.exoetl.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.macexo.exoetl.model.FeatureGroup;
import io.macexo.exoetl.model.Selection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  @Test
  void defaultsMapEveryKey() {
    EtlConfig config = ConfigLoader.defaults();
    assertThat(config.samplingRateHz()).isEqualTo(200);
    assertThat(config.nanPolicy()).isEqualTo(NanPolicy.KEEP);
    assertThat(config.selection().timeColumn()).isEqualTo("time");
    assertThat(config.selection().groups())
        .extracting(g -> g.name() + ":" + g.file() + ">" + g.column() + " " + g.unit())
        .containsExactly(
            "imu:exo>imu_features ",
            "angle:angle_filt>angle_features deg",
            "moment:moment_filt_bio>moment_targets Nm/kg");
    assertThat(config.selection().group(0).features())
        .hasSize(24)
        .startsWith("thigh_imu_l_accel_x")
        .endsWith("shank_imu_r_gyro_z");
    assertThat(config.selection().group(1).features())
        .containsExactly("hip_flexion_l", "hip_flexion_r", "knee_angle_l", "knee_angle_r");
    assertThat(config.selection().group(2).features())
        .containsExactly(
            "hip_flexion_l_moment",
            "hip_flexion_r_moment",
            "knee_angle_l_moment",
            "knee_angle_r_moment");
    assertThat(config.massesKg())
        .hasSize(15)
        .containsEntry("BT01", 80.59)
        .containsEntry("BT17", 60.03)
        .doesNotContainKeys("BT04", "BT05");
    assertThat(config.output()).isEqualTo(new OutputSettings("zstd", 33554432L, false));
    assertThat(config.spark().master()).isEqualTo("local[*]");
    assertThat(config.spark().appName()).isEqualTo("exo-etl");
    assertThat(config.spark().shufflePartitions()).isZero();
    assertThat(config.spark().conf()).containsEntry("spark.ui.showConsoleProgress", "false");
  }

  @Test
  void aFileOverridesEveryKey() throws Exception {
    Path file =
        write(
            """
        exo-etl {
          sampling-rate-hz = 100
          nan-policy = reject
          time-column = t
          selection {
            groups = [imu, velocity]
            imu { file = exo, column = imu_features, features = [a, b] }
            velocity { file = velocity, column = velocity_features, unit = "deg/s", features = [c] }
          }
          participants { BT18 = 70.5, "BT-X.1" = 61 }
          output { compression = snappy, row-group-bytes = 8M, parquet-dictionary = true }
          spark { master = "local[2]", app-name = other, shuffle-partitions = 16, conf { "spark.executor.memory" = 4g } }
        }
        """);
    EtlConfig config = ConfigLoader.load(file, Map.of());
    assertThat(config.samplingRateHz()).isEqualTo(100);
    assertThat(config.nanPolicy()).isEqualTo(NanPolicy.REJECT);
    assertThat(config.selection())
        .isEqualTo(
            new Selection(
                "t",
                java.util.List.of(
                    // What the file leaves out (the description) comes from reference.conf.
                    new FeatureGroup(
                        "imu",
                        "exo",
                        "imu_features",
                        java.util.List.of("a", "b"),
                        "",
                        ConfigLoader.defaults().selection().group(0).description()),
                    new FeatureGroup(
                        "velocity",
                        "velocity",
                        "velocity_features",
                        java.util.List.of("c"),
                        "deg/s",
                        ""))));
    assertThat(config.massesKg())
        .containsEntry("BT18", 70.5)
        .containsEntry("BT-X.1", 61.0)
        .containsEntry("BT01", 80.59);
    assertThat(config.output()).isEqualTo(new OutputSettings("snappy", 8L * 1024 * 1024, true));
    assertThat(config.spark().master()).isEqualTo("local[2]");
    assertThat(config.spark().appName()).isEqualTo("other");
    assertThat(config.spark().shufflePartitions()).isEqualTo(16);
    assertThat(config.spark().conf()).containsEntry("spark.executor.memory", "4g");
  }

  @Test
  void theExampleFilesInConfLoad() {
    assertThat(ConfigLoader.load(Path.of("conf/local.conf"), Map.of()).spark().master())
        .isEqualTo("local[*]");
    assertThat(
            ConfigLoader.load(Path.of("conf/cluster.conf"), Map.of()).spark().shufflePartitions())
        .isEqualTo(64);
  }

  @Test
  void anUnknownKeyIsNamed() throws Exception {
    Path file = write("exo-etl { output { compresion = zstd } }");
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "exo-etl.output.compresion: unknown key (see reference.conf for the keys exo-etl reads)");
  }

  @Test
  void aWrongTypeIsNamedWithTheKey() throws Exception {
    Path file = write("exo-etl { sampling-rate-hz = fast }");
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("exo-etl.sampling-rate-hz: ");
  }

  @Test
  void badValuesAreNamedWithTheValue() throws Exception {
    assertThatThrownBy(() -> ConfigLoader.load(write("exo-etl.nan-policy = sometimes"), Map.of()))
        .hasMessage("exo-etl.nan-policy: must be keep or reject, not 'sometimes'");
    assertThatThrownBy(() -> ConfigLoader.load(write("exo-etl.participants.BT01 = -3"), Map.of()))
        .hasMessage("exo-etl.participants.BT01: must be a mass in kg (0-500), not -3.0");
    assertThatThrownBy(
            () -> ConfigLoader.load(write("exo-etl.output.compression = lz77"), Map.of()))
        .hasMessage(
            "exo-etl.output.compression: must be one of zstd, snappy, gzip, uncompressed, not 'lz77'");
    assertThatThrownBy(() -> ConfigLoader.load(write("exo-etl.engine = turbo"), Map.of()))
        .hasMessage("exo-etl.engine: unknown key (see reference.conf for the keys exo-etl reads)");
    assertThatThrownBy(
            () -> ConfigLoader.load(write("exo-etl.selection.angle.features = [a, a]"), Map.of()))
        .hasMessage("exo-etl.selection.angle.features: names column 'a' twice");
    assertThatThrownBy(
            () -> ConfigLoader.load(write("exo-etl.selection.angle.unit2 = deg"), Map.of()))
        .hasMessage(
            "exo-etl.selection.angle.unit2: unknown key (a group has [file, column, features, unit,"
                + " description])");
    assertThatThrownBy(
            () ->
                ConfigLoader.load(write("exo-etl.selection.velocty { file = velocity }"), Map.of()))
        .hasMessage(
            "exo-etl.selection.velocty: is not listed in exo-etl.selection.groups [imu, angle, moment]");
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    write("exo-etl.selection.groups = [imu, angle, moment, velocity]"), Map.of()))
        .hasMessage(
            "exo-etl.selection.velocity: is listed in exo-etl.selection.groups but not defined");
    assertThatThrownBy(
            () -> ConfigLoader.load(write("exo-etl.selection.angle.file = exo"), Map.of()))
        .hasMessage(
            "exo-etl.selection.angle.file: file kind 'exo' is read by another group already");
    assertThatThrownBy(
            () -> ConfigLoader.load(write("exo-etl.selection.angle.column = trial_name"), Map.of()))
        .hasMessage("exo-etl.selection.angle.column: 'trial_name' is another column's name");
    assertThatThrownBy(
            () -> ConfigLoader.load(write("exo-etl.participants.BT01 = heavy"), Map.of()))
        .hasMessageStartingWith("exo-etl.participants.BT01: ");
  }

  @Test
  void aMissingOrBrokenFileIsNamed() throws Exception {
    assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("nope.conf"), Map.of()))
        .hasMessage("--conf: no such file: " + dir.resolve("nope.conf"));
    Path broken = write("exo-etl { output = ");
    assertThatThrownBy(() -> ConfigLoader.load(broken, Map.of()))
        .hasMessageStartingWith("--conf: cannot parse " + broken);
  }

  @Test
  void overridesWinOverTheFile() throws Exception {
    Path file = write("exo-etl.sampling-rate-hz = 100");
    assertThat(ConfigLoader.load(file, Map.of("exo-etl.sampling-rate-hz", "120")).samplingRateHz())
        .isEqualTo(120);
  }

  private Path write(String text) throws Exception {
    Path file = Files.createTempFile(dir, "test", ".conf");
    Files.writeString(file, text);
    return file;
  }
}
