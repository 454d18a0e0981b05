package io.macexo.exoetl.discover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.macexo.exoetl.config.ConfigException;
import io.macexo.exoetl.config.ConfigLoader;
import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.model.TrialFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery on a real folder through Hadoop's local file system, without Spark. */
class TrialDiscoveryTest {
  private static final EtlConfig CONFIG = ConfigLoader.defaults();
  private static final List<String> KINDS = List.of("exo", "angle_filt", "moment_filt_bio");
  @TempDir Path root;
  private TrialDiscovery discovery;

  @BeforeEach
  void fileSystem() throws Exception {
    discovery = new TrialDiscovery(FileSystem.getLocal(new Configuration()), CONFIG);
  }

  private void trial(String participant, String trial, List<String> kinds) throws Exception {
    Path folder = Files.createDirectories(root.resolve(participant).resolve(trial));
    for (String kind : kinds) {
      Files.writeString(folder.resolve(participant + "_" + trial + "_" + kind + ".csv"), "time\n");
    }
  }

  private DiscoveredInput discover(List<String> only) throws Exception {
    return discovery.discover(new org.apache.hadoop.fs.Path(root.toUri()), only);
  }

  @Test
  void everyTrialFolderIsReadableOrRejectedWithItsReason() throws Exception {
    trial("BT01", "walk_1_on", KINDS);
    trial("BT01", "jump_1_on", List.of("exo", "angle_filt", "power_exo", "exo_sim"));
    trial("BT01", "squats_1_on", KINDS);
    Files.writeString(root.resolve("BT01/squats_1_on/BT01_squats_1_on_angle_filt.csv"), "");
    trial("BT99", "walk_1_on", KINDS);
    Files.writeString(root.resolve("LICENSE"), "text");
    Files.createDirectories(root.resolve(".DS_Store"));
    Files.createDirectories(root.resolve("BT01/.hidden.trial"));

    DiscoveredInput input = discover(List.of());

    assertThat(input.participants()).containsExactly("BT01", "BT99");
    assertThat(input.readable())
        .extracting(t -> t.id().toString())
        .containsExactly("BT01/walk_1_on");
    TrialFiles walk = input.readable().get(0);
    assertThat(walk.paths()).hasSize(3);
    assertThat(walk.path(0)).endsWith("/BT01_walk_1_on_exo.csv");
    assertThat(walk.path(2)).endsWith("/BT01_walk_1_on_moment_filt_bio.csv");
    assertThat(input.rejects())
        .extracting(r -> r.trial() + " " + r.code() + ": " + r.detail())
        .containsExactlyInAnyOrder(
            "BT01/jump_1_on MISSING_FILE: missing BT01_jump_1_on_moment_filt_bio.csv in"
                + " BT01/jump_1_on/",
            "BT01/squats_1_on EMPTY_FILE: BT01_squats_1_on_angle_filt.csv is 0 bytes",
            "BT99/walk_1_on UNKNOWN_PARTICIPANT: participant BT99 has no mass in"
                + " exo-etl.participants");
    assertThat(input.trialsFound()).isEqualTo(4);
  }

  @Test
  void onlyTheParticipantsAskedForAndAnUnknownOneIsNamed() throws Exception {
    trial("BT01", "walk_1_on", KINDS);
    trial("BT02", "walk_1_on", KINDS);

    assertThat(discover(List.of("BT02")).participants()).containsExactly("BT02");
    assertThatThrownBy(() -> discover(List.of("BT07")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "--participants: no participant folder 'BT07' under "
                + new org.apache.hadoop.fs.Path(root.toUri()));
  }
}
