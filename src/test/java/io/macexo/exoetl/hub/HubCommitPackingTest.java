package io.macexo.exoetl.hub;

import static io.macexo.exoetl.hub.SyncPlannerTest.file;
import static org.assertj.core.api.Assertions.assertThat;

import io.macexo.exoetl.hub.SyncPlan.Change;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How changes are packed into commits, how the commit size adapts, and what commits are called. */
class HubCommitPackingTest {
  private static Change participant(String name, int adds, int deletes) {
    List<LocalFile> files = new ArrayList<>();
    for (int i = 0; i < adds; i++) {
      files.add(file("data/" + name + "/part-" + i + ".parquet", name + i));
    }
    List<String> gone = new ArrayList<>();
    for (int i = 0; i < deletes; i++) {
      gone.add("data/participant=" + name + "/old-" + i + ".parquet");
    }
    return new Change(name, files, gone);
  }

  private static List<String> pack(Deque<Change> queue, int size) {
    List<String> commits = new ArrayList<>();
    while (!queue.isEmpty()) {
      CommitPacker.Packed packed = CommitPacker.next(queue, size, size);
      commits.add(packed.batch().summary() + (packed.full() ? " full" : ""));
    }
    return commits;
  }

  @Test
  void packsWholeParticipantsWhileTheyFitAndSplitsOnlyOneTooBigAlone() {
    Deque<Change> queue =
        new ArrayDeque<>(
            List.of(
                participant("BT01", 2, 2),
                participant("BT02", 1, 1),
                participant("BT03", 7, 0),
                participant("BT04", 0, 1)));

    assertThat(pack(queue, 6))
        .containsExactly(
            "Update BT01, BT02 (3 files, 3 deleted) full",
            "Add BT03 [part 1] (6 files) full",
            "Update BT03, BT04 (1 file, 1 deleted)");
  }

  @Test
  void aChangeBiggerThanTheSizeGoesWholeAloneUnlessItPassesTheLargestCommit() {
    Deque<Change> queue =
        new ArrayDeque<>(List.of(participant("BT01", 28, 28), participant("BT02", 28, 28)));

    CommitPacker.Packed first = CommitPacker.next(queue, 50, 1000);

    assertThat(first.batch().summary()).isEqualTo("Update BT01 (28 files, 28 deleted)");
    assertThat(first.full()).isTrue();
    assertThat(CommitPacker.next(queue, 50, 40).batch().summary())
        .isEqualTo("Update BT02 [part 1] (28 files, 12 deleted)");
  }

  @Test
  void aSplitChangeNumbersItsPartsAndPutsAddsBeforeDeletes() {
    List<Change> parts = participant("BT01", 3, 2).split(4);

    assertThat(parts.get(0).adds()).hasSize(3);
    assertThat(parts.get(0).deletes()).hasSize(1);
    assertThat(parts.get(0).part()).isEqualTo(1);
    assertThat(parts.get(1).deletes()).containsExactly("data/participant=BT01/old-1.parquet");
    assertThat(parts.get(1).part()).isEqualTo(2);
    assertThat(CommitLoop.estimate(List.of(participant("BT01", 3, 2)), new CommitSizing(2, 1, 2)))
        .isEqualTo(3);
  }

  @Test
  void theSizeGrowsAfterQuickFullCommitsAndHalvesAfterTroubleWithinItsBounds() {
    CommitSizer sizer = new CommitSizer(CommitSizing.standard());

    sizer.landed(false, Duration.ofSeconds(1));
    assertThat(sizer.size()).as("not full: no growth").isEqualTo(50);
    sizer.landed(true, Duration.ofSeconds(45));
    assertThat(sizer.size()).as("full but slow: no growth").isEqualTo(50);
    sizer.landed(true, Duration.ofSeconds(1));
    assertThat(sizer.size()).isEqualTo(75);
    for (int i = 0; i < 20; i++) {
      sizer.landed(true, Duration.ofSeconds(1));
    }
    assertThat(sizer.size()).isEqualTo(1000);
    assertThat(sizer.shrink()).isTrue();
    assertThat(sizer.size()).isEqualTo(500);
    while (sizer.shrink()) {
      // down to the floor
    }
    assertThat(sizer.size()).isEqualTo(20);
  }

  @Test
  void titlesSayWhoAndHowMany() {
    List<Change> many = new ArrayList<>();
    for (int i = 1; i <= 9; i++) {
      many.add(participant("BT0" + i, 28, 0));
    }
    Change card =
        new Change(
            SyncPlan.CARD_GROUP,
            List.of(file("README.md", "#"), file("metadata.json", "{}")),
            List.of("stats.json"));

    assertThat(CommitTitles.summary(many))
        .isEqualTo("Add BT01 to BT09 (9 participants, 252 files)");
    assertThat(CommitTitles.summary(List.of(participant("BT15", 28, 28), card)))
        .isEqualTo("Update BT15 and the dataset card (30 files, 29 deleted)");
    assertThat(CommitTitles.summary(List.of(card)))
        .isEqualTo("Update dataset card (README.md, metadata.json; deleted stats.json)");
    assertThat(CommitTitles.summary(List.of())).isEqualTo("Record the sync manifest");
  }
}
