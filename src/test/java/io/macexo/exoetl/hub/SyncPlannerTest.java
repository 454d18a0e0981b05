package io.macexo.exoetl.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.macexo.exoetl.hub.SyncPlan.CommitBatch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The local-versus-remote diff, without a network. */
class SyncPlannerTest {
  private static LocalFile file(String path, String content) {
    return LocalFile.inMemory(path, content.getBytes(StandardCharsets.UTF_8));
  }

  private static RemoteFile lfs(LocalFile file) {
    return new RemoteFile(file.path(), file.size(), "0".repeat(40), file.sha256());
  }

  private static RemoteState remote(RemoteFile... files) {
    Map<String, RemoteFile> map = new HashMap<>();
    for (RemoteFile f : files) {
      map.put(f.path(), f);
    }
    return new RemoteState("c".repeat(40), map);
  }

  @Test
  void groupsByParticipantFolderAndPutsTheCardLast() {
    List<LocalFile> data =
        List.of(
            file("data/subject=BT02/a.parquet", "2"),
            file("data/subject=BT01/a.parquet", "1"),
            file("data/subject=BT01/b.parquet", "11"),
            file("data/loose.parquet", "x"));
    LocalFile card = file("README.md", "# card");

    SyncPlan plan = SyncPlanner.plan(data, List.of(card), RemoteState.empty(), 50);

    assertThat(plan.batches())
        .extracting(CommitBatch::summary)
        .containsExactly(
            "Add data (1 file)",
            "Add subject=BT01 (2 files)",
            "Add subject=BT02 (1 file)",
            "Update dataset card (README.md)");
    assertThat(plan.filesToSend()).isEqualTo(5);
    assertThat(plan.bytesToSend()).isEqualTo(1 + 1 + 2 + 1 + 6);
  }

  @Test
  void skipsWhatTheRemoteHasAndDeletesRemoteDataThatIsGone() {
    LocalFile same = file("data/subject=BT01/a.parquet", "same");
    LocalFile changed = file("data/subject=BT01/b.parquet", "new");
    LocalFile card = file("README.md", "# card");
    RemoteState remote =
        remote(
            lfs(same),
            new RemoteFile(changed.path(), 3, "0".repeat(40), "f".repeat(64)),
            new RemoteFile("data/subject=BT09/gone.parquet", 5, "1".repeat(40), "e".repeat(64)),
            new RemoteFile("README.md", card.size(), card.gitBlobId(), null),
            new RemoteFile(".gitattributes", 10, "2".repeat(40), null));

    SyncPlan plan = SyncPlanner.plan(List.of(same, changed), List.of(card), remote, 50);

    assertThat(plan.unchanged())
        .extracting(LocalFile::path)
        .containsExactly(same.path(), "README.md");
    assertThat(plan.batches())
        .extracting(CommitBatch::summary)
        .containsExactly("Add subject=BT01 (1 file)", "Delete subject=BT09 (1 file)");
    assertThat(plan.filesToDelete()).isEqualTo(1);
  }

  @Test
  void theOldLayoutsFolderIsDeletedInTheCommitThatAddsTheNewOne() {
    LocalFile added = file("data/subject=BT01/a.parquet", "1");
    RemoteState remote =
        remote(
            new RemoteFile("data/participant=BT01/old.parquet", 5, "1".repeat(40), "e".repeat(64)),
            new RemoteFile("data/participant=BT02/old.parquet", 5, "1".repeat(40), "d".repeat(64)));

    SyncPlan plan = SyncPlanner.plan(List.of(added), List.of(), remote, 50);

    assertThat(plan.batches()).hasSize(2);
    CommitBatch bt01 = plan.batches().get(0);
    assertThat(bt01.adds()).extracting(LocalFile::path).containsExactly(added.path());
    assertThat(bt01.deletes()).containsExactly("data/participant=BT01/old.parquet");
    assertThat(plan.batches().get(1).summary()).isEqualTo("Delete subject=BT02 (1 file)");
  }

  @Test
  void cutsAFolderIntoCommitsOfAtMostTheLimit() {
    List<LocalFile> data = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      data.add(file("data/subject=BT01/part-" + i + ".parquet", "v" + i));
    }
    RemoteState remote =
        remote(
            new RemoteFile("data/subject=BT01/old-1.parquet", 1, "1".repeat(40), "e".repeat(64)),
            new RemoteFile("data/subject=BT01/old-2.parquet", 1, "1".repeat(40), "d".repeat(64)));

    SyncPlan plan = SyncPlanner.plan(data, List.of(), remote, 3);

    assertThat(plan.batches())
        .extracting(CommitBatch::summary)
        .containsExactly(
            "Add subject=BT01 [1/3] (3 files)",
            "Add subject=BT01 [2/3] (3 files)",
            "Update subject=BT01 [3/3] (1 file, 2 deleted)");
    assertThat(plan.batches()).allMatch(batch -> batch.size() <= 3);
  }

  @Test
  void remainingKeepsOnlyWhatTheRemoteStillLacks() {
    LocalFile landed = file("data/subject=BT01/a.parquet", "a");
    LocalFile missing = file("data/subject=BT01/b.parquet", "b");
    CommitBatch batch =
        new CommitBatch(
            "subject=BT01",
            "",
            List.of(landed, missing),
            List.of("data/subject=BT01/old.parquet", "data/subject=BT01/gone-already.parquet"));
    RemoteState after =
        remote(
            lfs(landed),
            new RemoteFile("data/subject=BT01/old.parquet", 1, "1".repeat(40), "e".repeat(64)));

    CommitBatch rest = SyncPlanner.remaining(batch, after);

    assertThat(rest.adds()).containsExactly(missing);
    assertThat(rest.deletes()).containsExactly("data/subject=BT01/old.parquet");
    assertThat(SyncPlanner.remaining(rest, remote(lfs(landed), lfs(missing))).isEmpty()).isTrue();
  }
}
