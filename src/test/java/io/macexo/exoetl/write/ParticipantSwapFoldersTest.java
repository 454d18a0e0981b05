package io.macexo.exoetl.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.macexo.exoetl.model.OutputLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The swap replaces participant folders whole and recovers from a run that died half-way. */
class ParticipantSwapFoldersTest {
  @TempDir Path root;
  private OutputLayout layout;
  private ParticipantSwap swap;

  @BeforeEach
  void setUp() throws Exception {
    FileSystem fs = FileSystem.getLocal(new Configuration());
    layout = new OutputLayout(new org.apache.hadoop.fs.Path(root.toUri()));
    swap = new ParticipantSwap(fs, layout);
  }

  private void file(String relative, String text) throws Exception {
    Path path = root.resolve(relative);
    Files.createDirectories(path.getParent());
    Files.writeString(path, text);
  }

  private List<String> files() throws Exception {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString())
          .sorted()
          .toList();
    }
  }

  @Test
  void replacesStagedParticipantsWholeAndLeavesOthers() throws Exception {
    file("data/subject=BT01/old-a.parquet", "old");
    file("data/subject=BT01/old-b.parquet", "old");
    file("data/subject=BT02/keep.parquet", "keep");
    file("_staging/run1/subject=BT01/new.parquet", "new");
    file("_staging/run1/subject=BT03/new.parquet", "new");

    List<String> moved = swap.swap("run1", Set.of());

    assertThat(moved).containsExactlyInAnyOrder("BT01", "BT03");
    assertThat(files())
        .containsExactly(
            "data/subject=BT01/new.parquet",
            "data/subject=BT02/keep.parquet",
            "data/subject=BT03/new.parquet");
  }

  @Test
  void removesStaleParticipantsThatWereNotRewritten() throws Exception {
    file("data/subject=BT01/a.parquet", "old");
    file("data/subject=BT02/b.parquet", "old");
    file("_staging/run1/subject=BT01/new.parquet", "new");

    swap.swap("run1", Set.of("BT01", "BT02"));

    assertThat(files()).containsExactly("data/subject=BT01/new.parquet");
    assertThat(swap.existingParticipants()).containsExactly("BT01");
  }

  @Test
  void aRunThatDiedBetweenTheTwoRenamesIsUndone() throws Exception {
    file("data/subject=BT02/b.parquet", "kept");
    file("_trash/run0/subject=BT01/a.parquet", "previous");
    file("_staging/run0/subject=BT01/half.parquet", "half");

    List<String> restored = swap.recoverInterrupted();

    assertThat(restored).containsExactly("BT01");
    assertThat(files())
        .containsExactly("data/subject=BT01/a.parquet", "data/subject=BT02/b.parquet");
    assertThat(Files.readString(root.resolve("data/subject=BT01/a.parquet"))).isEqualTo("previous");
  }

  @Test
  void trashWhoseReplacementArrivedIsDropped() throws Exception {
    file("data/subject=BT01/new.parquet", "new");
    file("_trash/run0/subject=BT01/old.parquet", "old");

    assertThat(swap.recoverInterrupted()).isEmpty();
    assertThat(files()).containsExactly("data/subject=BT01/new.parquet");
  }
}
