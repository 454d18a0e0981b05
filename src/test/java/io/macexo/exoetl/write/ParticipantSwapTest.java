package io.macexo.exoetl.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.macexo.exoetl.model.OutputLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The swap and its recovery on the local file system, with the folder states a run leaves when it
 * dies at each step built by hand (no Spark): what {@code _trash/} and {@code _staging/} hold then,
 * and what the next run's recovery makes of it.
 */
class ParticipantSwapTest {
  private static final String RUN = "20260101T000000-abcdef12";

  @TempDir Path root;
  private ParticipantSwap swap;

  @BeforeEach
  void setUp() throws IOException {
    FileSystem fs = FileSystem.getLocal(new Configuration());
    OutputLayout layout =
        new OutputLayout(fs.makeQualified(new org.apache.hadoop.fs.Path(root.toUri())));
    swap = new ParticipantSwap(fs, layout);
  }

  @Test
  void swapReplacesStagedParticipantsWholeRemovesStaleOnesAndLeavesNoStagingOrTrash()
      throws IOException {
    write("data/subject=BT01/part-old-1.parquet", "old BT01 1");
    write("data/subject=BT01/part-old-2.parquet", "old BT01 2");
    write("data/subject=BT02/part-old.parquet", "old BT02");
    write("data/subject=BT03/part-old.parquet", "old BT03");
    write("_staging/" + RUN + "/subject=BT01/part-new.parquet", "new BT01");
    write("_staging/" + RUN + "/subject=BT01/.part-new.parquet.crc", "checksum");
    write("_staging/" + RUN + "/subject=BT01/_SUCCESS", "");

    List<String> moved = swap.swap(RUN, Set.of("BT01", "BT03"));

    assertThat(moved).containsExactly("BT01");
    assertThat(files())
        .containsExactlyEntriesOf(
            new TreeMap<>(
                Map.of(
                    "data/subject=BT01/part-new.parquet", "new BT01",
                    "data/subject=BT02/part-old.parquet", "old BT02")));
  }

  @Test
  void recoveryRestoresAFolderWhoseReplacementNeverArrivedAndDropsStaging() throws IOException {
    // Died between the two renames of BT01: the old folder is in trash, the new one in staging.
    write("data/subject=BT02/part-old.parquet", "old BT02");
    write("_trash/" + RUN + "/subject=BT01/part-old.parquet", "old BT01");
    write("_staging/" + RUN + "/subject=BT01/part-new.parquet", "new BT01");

    List<String> restored = swap.recoverInterrupted();

    assertThat(restored).containsExactly("BT01");
    assertThat(files())
        .containsExactlyEntriesOf(
            new TreeMap<>(
                Map.of(
                    "data/subject=BT01/part-old.parquet", "old BT01",
                    "data/subject=BT02/part-old.parquet", "old BT02")));
  }

  @Test
  void recoveryKeepsTheNewFolderWhenBothTheOldAndTheNewArePresent() throws IOException {
    // Died after both renames of BT01, before the trash was marked.
    write("data/subject=BT01/part-new.parquet", "new BT01");
    write("_trash/" + RUN + "/subject=BT01/part-old.parquet", "old BT01");

    assertThat(swap.recoverInterrupted()).isEmpty();
    assertThat(files()).containsOnlyKeys("data/subject=BT01/part-new.parquet");
  }

  @Test
  void recoveryNeverRestoresTheTrashOfARunThatHadFinishedItsRenames() throws IOException {
    // Died while deleting its trash: BT03 (stale, removed on purpose) is half deleted there.
    write("data/subject=BT01/part-new.parquet", "new BT01");
    write("_trash/" + RUN + "/" + ParticipantSwap.SWAPPED_MARKER, RUN + "\n");
    write("_trash/" + RUN + "/subject=BT03/part-old-2.parquet", "what is left of BT03");

    assertThat(swap.recoverInterrupted()).isEmpty();
    assertThat(files()).containsOnlyKeys("data/subject=BT01/part-new.parquet");
  }

  private void write(String relative, String text) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** Every file under the output root (relative path to content), sorted. */
  private Map<String, String> files() throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(file).toString(), Files.readString(file));
      }
    }
    return files;
  }
}
