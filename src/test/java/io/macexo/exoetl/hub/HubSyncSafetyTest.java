package io.macexo.exoetl.hub;

import static io.macexo.exoetl.hub.HubHarness.REPO;
import static org.assertj.core.api.Assertions.assertThat;

import io.macexo.exoetl.hub.HubHarness.Run;
import io.macexo.exoetl.hub.devhub.Route;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What sync refuses to touch: files no sync wrote (another client's data, a hand-written card), an
 * accidental mass deletion; and how it adopts a repo an exo-etl from before manifests wrote, moving
 * it to the new layout participant by participant.
 */
class HubSyncSafetyTest {
  private static final String CARD =
      "---\nlicense: other\n---\n# Exo\n\nBuilt by exo-etl 0.1.0 on Apache Spark 4.1.3.\n";

  @TempDir Path temp;

  private HubHarness harness() {
    return new HubHarness(temp.resolve("hub"));
  }

  /** Another client's commit of small files, straight through the commit API. */
  private static void otherClientCommits(HubHarness h, Map<String, String> files, String title) {
    HubClient other = h.client();
    other.repos().createRepo(REPO, Visibility.DEFAULT);
    String head = other.headCommit(REPO, "main").orElseThrow();
    List<CommitOperation> operations =
        files.entrySet().stream()
            .map(
                e ->
                    (CommitOperation)
                        new CommitOperation.AddRegular(
                            e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8)))
            .toList();
    other.commit(REPO, "main", CommitPayload.ndjson(title, "", head, operations), title);
  }

  @Test
  void aRepoHoldingDataAnotherClientWroteIsRefusedAndForceTakesItOver() {
    FakeOutput output = FakeOutput.standard(temp.resolve("out"));
    try (HubHarness h = harness()) {
      otherClientCommits(
          h,
          Map.of("data/train-00000-of-00001.parquet", "PAR1 not ours", "notes.txt", "mine"),
          "Upload folder using huggingface_hub");
      h.hub.resetCounts();

      Run refused = h.sync(SyncOptions.of(output.uri(), REPO));

      assertThat(refused.failure())
          .hasMessage(
              "Cannot sync to macexo/exo-test@main: it holds files that no exo-etl sync wrote"
                  + " (data/train-00000-of-00001.parquet); a sync would serve, replace or delete"
                  + " them under this repo's card, so check --repo, or pass --force to take the"
                  + " repo over");
      assertThat(h.hub.writeRequests()).isZero();
      assertThat(h.hub.commitCount(REPO.toString())).isEqualTo(2);

      Run forced = h.sync(SyncOptions.of(output.uri(), REPO).withForce(true));

      assertThat(forced.failure()).isNull();
      assertThat(forced.output())
          .contains(
              "--force: taking over files no exo-etl sync wrote: data/train-00000-of-00001.parquet");
      assertThat(h.hub.files(REPO.toString()))
          .doesNotContainKey("data/train-00000-of-00001.parquet")
          .containsKeys("notes.txt", SyncManifest.PATH, HubSyncTest.DATA.get(0));
    }
  }

  @Test
  void aCardSomeoneElseWroteIsNotOverwritten() {
    FakeOutput output = FakeOutput.standard(temp.resolve("out"));
    try (HubHarness h = harness()) {
      otherClientCommits(h, Map.of("README.md", "# My own dataset\n"), "Create README.md");

      Run refused = h.sync(SyncOptions.of(output.uri(), REPO));

      assertThat(refused.failure()).hasMessageContaining("no exo-etl sync wrote (README.md)");
      assertThat(h.hub.files(REPO.toString())).doesNotContainKey(HubSyncTest.DATA.get(0));
    }
  }

  @Test
  void anOldExoEtlRepoIsAdoptedAndMovedToTheNewLayoutOneParticipantPerCommit() {
    FakeOutput old = FakeOutput.legacy(temp.resolve("old")).text("README.md", CARD);
    try (HubHarness h = harness()) {
      assertThat(h.sync(SyncOptions.of(old.uri(), REPO)).failure()).isNull();
      forgetTheManifest(h);
      FakeOutput moved = newLayout(temp.resolve("new"));

      Run run = h.sync(SyncOptions.of(moved.uri(), REPO).withCommitSizing(CommitSizing.fixed(4)));

      assertThat(run.failure()).isNull();
      assertThat(run.output())
          .contains(
              "No sync manifest in macexo/exo-test@main, but README.md is an exo-etl card",
              "committed \"Update BT01 (2 files, 2 deleted)\"",
              "committed \"Update BT02, BT03 (2 files, 2 deleted)\"");
      for (String commit : h.hub.commitIds(REPO.toString())) {
        Set<String> participants = h.filesAt(commit).keySet();
        for (String p : List.of("BT01", "BT02", "BT03")) {
          boolean oldThere =
              participants.stream().anyMatch(f -> f.startsWith("data/participant=" + p + "/"));
          boolean newThere =
              participants.stream().anyMatch(f -> f.startsWith("data/subject=" + p + "/"));
          assertThat(oldThere && newThere).as("%s twice at %s", p, commit).isFalse();
        }
      }
      assertThat(h.hub.files(REPO.toString()).keySet().stream().filter(p -> p.startsWith("data/")))
          .containsExactlyInAnyOrder(
              "data/subject=BT01/part-00000.parquet",
              "data/subject=BT01/part-00001.parquet",
              "data/subject=BT02/part-00000.parquet",
              "data/subject=BT03/part-00000.parquet");
    }
  }

  @Test
  void aManifestLessRepoWithoutAnExoEtlCardIsNotAdopted() {
    FakeOutput old = FakeOutput.legacy(temp.resolve("old")).delete("metadata.json");
    try (HubHarness h = harness()) {
      assertThat(h.sync(SyncOptions.of(old.uri(), REPO)).failure()).isNull();
      forgetTheManifest(h);

      Run run = h.sync(SyncOptions.of(newLayout(temp.resolve("new")).uri(), REPO));

      assertThat(run.failure())
          .hasMessageContaining(
              "no exo-etl sync wrote (README.md, data/participant=BT01/part-00000.parquet,"
                  + " data/participant=BT01/part-00001.parquet and 2 more)");
    }
  }

  @Test
  void deletingMoreThanHalfOfTheRemoteDataNeedsPrune() {
    FakeOutput output = FakeOutput.standard(temp.resolve("out"));
    try (HubHarness h = harness()) {
      h.sync(SyncOptions.of(output.uri(), REPO));
      output
          .delete(HubSyncTest.DATA.get(0))
          .delete(HubSyncTest.DATA.get(1))
          .delete(HubSyncTest.DATA.get(2));
      h.hub.resetCounts();

      Run refused = h.sync(SyncOptions.of(output.uri(), REPO));

      assertThat(refused.failure())
          .hasMessage(
              "Cannot sync to macexo/exo-test@main: it would delete 3 of the 4 data files on the Hub"
                  + " without replacing them (is --output the whole dataset?); pass --prune if that"
                  + " is intended");
      assertThat(refused.output()).contains("change \"Delete BT01 (2 files)\"");
      assertThat(h.hub.writeRequests()).isZero();

      Run pruned = h.sync(SyncOptions.of(output.uri(), REPO).withPrune(true));

      assertThat(pruned.failure()).isNull();
      assertThat(pruned.report().filesDeleted()).isEqualTo(3);
      assertThat(h.hub.files(REPO.toString()).keySet().stream().filter(p -> p.startsWith("data/")))
          .containsExactly(HubSyncTest.DATA.get(3));
    }
  }

  @Test
  void aNoOpRunOnARepoWithoutAManifestRecordsOne() {
    FakeOutput output = FakeOutput.standard(temp.resolve("out"));
    try (HubHarness h = harness()) {
      h.sync(SyncOptions.of(output.uri(), REPO));
      forgetTheManifest(h);
      h.hub.resetCounts();

      Run run = h.sync(SyncOptions.of(output.uri(), REPO));

      assertThat(run.failure()).isNull();
      assertThat(run.output()).contains("committed \"Record the sync manifest\"");
      assertThat(h.hub.requestCount(Route.LFS_UPLOAD)).isZero();
      assertThat(h.manifestAt(run.report().finalCommit()).files()).hasSize(6);
    }
  }

  /** What a repo synced before manifests existed looks like: the same files, no manifest. */
  private static void forgetTheManifest(HubHarness h) {
    HubClient other = h.client();
    String head = other.headCommit(REPO, "main").orElseThrow();
    List<CommitOperation> delete = List.of(new CommitOperation.Delete(SyncManifest.PATH));
    other.commit(REPO, "main", CommitPayload.ndjson("Forget", "", head, delete), "Forget");
  }

  /** The same data as {@link FakeOutput#legacy} in the current layout, with an exo-etl card. */
  private static FakeOutput newLayout(Path dir) {
    return FakeOutput.standard(dir).text("README.md", CARD + "\nNew layout.\n");
  }
}
