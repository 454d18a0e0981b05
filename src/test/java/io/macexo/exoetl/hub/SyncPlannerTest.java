package io.macexo.exoetl.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.macexo.exoetl.hub.SyncPlan.Change;
import io.macexo.exoetl.hub.SyncPlan.CommitBatch;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The local-versus-remote diff, without a network. */
class SyncPlannerTest {
  static LocalFile file(String path, String content) {
    return LocalFile.inMemory(path, content.getBytes(StandardCharsets.UTF_8));
  }

  static RemoteFile lfs(LocalFile file) {
    return new RemoteFile(file.path(), file.size(), "0".repeat(40), file.sha256());
  }

  static RemoteFile lfs(String path, char digit) {
    return new RemoteFile(path, 5, "1".repeat(40), String.valueOf(digit).repeat(64));
  }

  static RemoteState remote(RemoteFile... files) {
    Map<String, RemoteFile> map = new HashMap<>();
    for (RemoteFile f : files) {
      map.put(f.path(), f);
    }
    return new RemoteState("c".repeat(40), map);
  }

  /** Everything on the remote counts as the sync's. */
  static SyncManifest ownsAll(RemoteState remote) {
    Map<String, SyncManifest.Entry> entries = new HashMap<>();
    remote.files().values().forEach(f -> entries.put(f.path(), SyncManifest.Entry.of(f)));
    return new SyncManifest(entries);
  }

  private static List<String> summaries(SyncPlan plan) {
    return plan.changes().stream()
        .map(change -> new CommitBatch(List.of(change)).summary())
        .toList();
  }

  @Test
  void groupsByParticipantWhateverItsFolderIsCalledAndPutsTheCardLast() {
    List<LocalFile> data =
        List.of(
            file("data/participant=BT02/a.parquet", "2"),
            file("data/subject=BT01/a.parquet", "1"),
            file("data/subject=BT01/b.parquet", "11"),
            file("data/loose.parquet", "x"));
    LocalFile card = file("README.md", "# card");

    SyncPlan plan =
        SyncPlanner.plan(data, List.of(card), RemoteState.empty(), SyncManifest.empty());

    assertThat(summaries(plan))
        .containsExactly(
            "Add BT01 (2 files)",
            "Add BT02 (1 file)",
            "Add data (1 file)",
            "Update dataset card (README.md)");
    assertThat(plan.filesToSend()).isEqualTo(5);
    assertThat(plan.bytesToSend()).isEqualTo(1 + 1 + 2 + 1 + 6);
    assertThat(SyncPlanner.group("data/participant=BT01/x/y.parquet")).isEqualTo("BT01");
    assertThat(SyncPlanner.group("data/subject=BT01/y.parquet")).isEqualTo("BT01");
    assertThat(SyncPlanner.group("trials/trials.parquet")).isEqualTo("trials/trials.parquet");
  }

  @Test
  void aLayoutMoveAddsTheNewFilesAndDeletesTheOldOnesInOneChange() {
    LocalFile moved = file("data/subject=BT01/part-0.parquet", "rows");
    RemoteState remote =
        remote(
            lfs("data/participant=BT01/part-0.parquet", 'e'),
            lfs("data/participant=BT01/part-1.parquet", 'd'));

    SyncPlan plan = SyncPlanner.plan(List.of(moved), List.of(), remote, ownsAll(remote));

    assertThat(plan.changes()).hasSize(1);
    Change change = plan.changes().get(0);
    assertThat(change.adds()).containsExactly(moved);
    assertThat(change.deletes())
        .containsExactly(
            "data/participant=BT01/part-0.parquet", "data/participant=BT01/part-1.parquet");
    assertThat(summaries(plan)).containsExactly("Update BT01 (1 file, 2 deleted)");
    assertThat(plan.remoteDataFiles()).isEqualTo(2);
    assertThat(plan.removedDataFiles()).as("BT01 is still in the output").isZero();
  }

  @Test
  void deletesOnlyWhatTheSyncOwnsAndNeverItsManifestOrGitattributes() {
    LocalFile same = file("data/subject=BT01/a.parquet", "same");
    LocalFile card = file("README.md", "# card");
    RemoteState remote =
        remote(
            lfs(same),
            lfs("data/subject=BT09/gone.parquet", 'e'),
            lfs("data/someone-else.parquet", 'f'),
            new RemoteFile("stats.json", 4, "3".repeat(40), null),
            new RemoteFile("README.md", card.size(), card.gitBlobId(), null),
            new RemoteFile(".gitattributes", 10, "2".repeat(40), null),
            new RemoteFile(SyncManifest.PATH, 10, "4".repeat(40), null));
    Map<String, SyncManifest.Entry> owned = new HashMap<>(ownsAll(remote).files());
    owned.remove("data/someone-else.parquet");

    SyncPlan plan = SyncPlanner.plan(List.of(same), List.of(card), remote, new SyncManifest(owned));

    assertThat(plan.unchanged())
        .extracting(LocalFile::path)
        .containsExactly(same.path(), "README.md");
    assertThat(summaries(plan))
        .containsExactly("Delete BT09 (1 file)", "Update dataset card (deleted stats.json)");
    assertThat(plan.changes().get(1).deletes()).containsExactly("stats.json");
    assertThat(plan.filesToDelete()).isEqualTo(2);
    assertThat(plan.removedDataFiles()).isEqualTo(1);
    assertThat(plan.remoteDataFiles()).isEqualTo(3);
  }

  @Test
  void replacingAFileInPlaceRemovesNothing() {
    LocalFile changed = file("data/subject=BT01/a.parquet", "new bytes");
    RemoteState remote = remote(lfs("data/subject=BT01/a.parquet", 'e'));

    SyncPlan plan = SyncPlanner.plan(List.of(changed), List.of(), remote, ownsAll(remote));

    assertThat(summaries(plan)).containsExactly("Add BT01 (1 file)");
    assertThat(plan.removedDataFiles()).isZero();
  }

  @Test
  void remainingKeepsOnlyWhatTheRemoteStillLacks() {
    LocalFile landed = file("data/subject=BT01/a.parquet", "a");
    LocalFile missing = file("data/subject=BT01/b.parquet", "b");
    CommitBatch batch =
        new CommitBatch(
            List.of(
                new Change(
                    "BT01",
                    List.of(landed, missing),
                    List.of(
                        "data/subject=BT01/old.parquet",
                        "data/subject=BT01/gone-already.parquet"))));
    RemoteState after = remote(lfs(landed), lfs("data/subject=BT01/old.parquet", 'e'));

    CommitBatch rest = SyncPlanner.remaining(batch, after);

    assertThat(rest.adds()).containsExactly(missing);
    assertThat(rest.deletes()).containsExactly("data/subject=BT01/old.parquet");
    assertThat(SyncPlanner.remaining(rest, remote(lfs(landed), lfs(missing))).isEmpty()).isTrue();
  }
}
