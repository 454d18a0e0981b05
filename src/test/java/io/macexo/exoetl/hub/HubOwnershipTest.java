package io.macexo.exoetl.hub;

import static io.macexo.exoetl.hub.SyncPlannerTest.file;
import static io.macexo.exoetl.hub.SyncPlannerTest.lfs;
import static io.macexo.exoetl.hub.SyncPlannerTest.remote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sync manifest and which remote files a sync owns, without a network. */
class HubOwnershipTest {
  private static Map<String, LocalFile> local(LocalFile... files) {
    Map<String, LocalFile> map = new HashMap<>();
    for (LocalFile f : files) {
      map.put(f.path(), f);
    }
    return map;
  }

  @Test
  void theManifestRoundTripsRendersTheSameBytesForTheSameStateAndListsContentIds() {
    LocalFile data = file("data/subject=BT01/a.parquet", "rows");
    LocalFile card = file("README.md", "# card");
    SyncManifest manifest =
        SyncManifest.empty()
            .after(
                Map.of(
                    data.path(), SyncManifest.Entry.of(data, true),
                    card.path(), SyncManifest.Entry.of(card, false)),
                java.util.List.of());

    String text = new String(manifest.render(), StandardCharsets.UTF_8);

    assertThat(SyncManifest.parse(manifest.render())).isEqualTo(manifest);
    assertThat(manifest.render()).isEqualTo(SyncManifest.parse(manifest.render()).render());
    assertThat(text)
        .contains(
            "\"format\" : \"exo-etl sync manifest 1\"",
            "\"README.md\" : {\n      \"git_oid\" : \"" + card.gitBlobId() + "\"",
            "\"data/subject=BT01/a.parquet\" : {\n      \"sha256\" : \"" + data.sha256() + "\"");
    assertThat(manifest.records(lfs(data))).isTrue();
    assertThat(manifest.records(lfs("data/subject=BT01/a.parquet", 'e')))
        .as("other content")
        .isFalse();
    assertThat(manifest.after(Map.of(), java.util.List.of(data.path())).files())
        .containsOnlyKeys("README.md");
  }

  @Test
  void anUnreadableManifestNamesItselfAndTheWayOut() {
    assertThatThrownBy(() -> SyncManifest.parse("{\"format\":\"other\"}".getBytes()))
        .hasMessage(
            "Cannot read the sync manifest .exo-etl/sync.json: its format is not 'exo-etl sync"
                + " manifest 1'; pass --force to take the repo over and write a new one");
    assertThatThrownBy(() -> SyncManifest.parse("not json".getBytes()))
        .hasMessageContaining("it is not JSON");
  }

  @Test
  void filesNoSyncWroteAreForeignUnlessTheyHoldTheOutputsBytes() {
    LocalFile ours = file("data/subject=BT01/a.parquet", "rows");
    LocalFile sameBytes = file("metadata.json", "{}");
    LocalFile card = file("README.md", "# new card");
    RemoteState remote =
        remote(
            lfs(ours),
            lfs("data/train-00000-of-00001.parquet", 'e'),
            new RemoteFile("metadata.json", sameBytes.size(), sameBytes.gitBlobId(), null),
            new RemoteFile("README.md", 9, "9".repeat(40), null),
            new RemoteFile("notes.txt", 3, "8".repeat(40), null),
            new RemoteFile(".gitattributes", 3, "7".repeat(40), null));
    SyncManifest manifest =
        SyncManifest.empty()
            .after(Map.of(ours.path(), SyncManifest.Entry.of(ours, true)), java.util.List.of());

    Ownership.Decision decision =
        Ownership.decide(remote, manifest, false, local(ours, sameBytes, card));

    assertThat(decision.foreign())
        .containsExactlyInAnyOrder("data/train-00000-of-00001.parquet", "README.md");
    assertThat(decision.owned().files()).containsOnlyKeys(ours.path(), "metadata.json");
    assertThat(decision.forced(remote).owned().files())
        .containsOnlyKeys(
            ours.path(), "metadata.json", "data/train-00000-of-00001.parquet", "README.md");
    assertThat(Ownership.refusal(decision.foreign()))
        .startsWith(
            "it holds files that no exo-etl sync wrote (README.md,"
                + " data/train-00000-of-00001.parquet); ");
  }

  @Test
  void aManifestLessRepoIsAdoptedOnlyWithAnExoEtlCardAndTheOldLayout() {
    LocalFile card = file("README.md", "# new card");
    RemoteState old =
        remote(
            lfs("data/participant=BT01/part-0.parquet", 'e'),
            new RemoteFile("README.md", 9, "9".repeat(40), null),
            new RemoteFile("stats.json", 9, "6".repeat(40), null));
    RemoteState mixed =
        remote(
            lfs("data/participant=BT01/part-0.parquet", 'e'),
            lfs("data/train-00000-of-00001.parquet", 'f'),
            new RemoteFile("README.md", 9, "9".repeat(40), null));

    Ownership.Decision adopted = Ownership.decide(old, null, true, local(card));
    Ownership.Decision noCard = Ownership.decide(old, null, false, local(card));
    Ownership.Decision notOurLayout = Ownership.decide(mixed, null, true, local(card));

    assertThat(adopted.adopted()).isTrue();
    assertThat(adopted.foreign()).isEmpty();
    assertThat(adopted.owned().files())
        .containsOnlyKeys("data/participant=BT01/part-0.parquet", "README.md", "stats.json");
    assertThat(noCard.foreign()).contains("README.md", "data/participant=BT01/part-0.parquet");
    assertThat(notOurLayout.adopted()).isFalse();
    assertThat(notOurLayout.foreign()).hasSize(3);
  }

  @Test
  void theManifestIsReadOnlyWhenSomeRemoteFileDiffersFromTheOutput() {
    LocalFile ours = file("data/subject=BT01/a.parquet", "rows");
    RemoteState same = remote(lfs(ours), new RemoteFile(".gitattributes", 3, "7".repeat(40), null));
    RemoteState more = remote(lfs(ours), lfs("data/subject=BT09/gone.parquet", 'e'));

    assertThat(Ownership.needsManifest(same, local(ours))).isFalse();
    assertThat(Ownership.needsManifest(more, local(ours))).isTrue();
  }
}
