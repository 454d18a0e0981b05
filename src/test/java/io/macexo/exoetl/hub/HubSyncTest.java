package io.macexo.exoetl.hub;

import static io.macexo.exoetl.hub.HubHarness.REPO;
import static org.assertj.core.api.Assertions.assertThat;

import io.macexo.exoetl.hub.HubHarness.Run;
import io.macexo.exoetl.hub.devhub.DevHubOptions;
import io.macexo.exoetl.hub.devhub.Failure;
import io.macexo.exoetl.hub.devhub.Faults;
import io.macexo.exoetl.hub.devhub.Route;
import io.macexo.exoetl.model.OutputLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sync end to end against a dev-hub on 127.0.0.1: first upload, commit order, no-op, change,
 * resume, retries, conflicts.
 */
class HubSyncTest {
  static final List<String> DATA =
      List.of(
          "data/subject=BT01/part-00000.parquet", "data/subject=BT01/part-00001.parquet",
          "data/subject=BT02/part-00000.parquet", "data/subject=BT03/part-00000.parquet");

  @TempDir Path temp;

  private FakeOutput output() {
    return FakeOutput.standard(temp.resolve("out"));
  }

  private HubHarness harness() {
    return new HubHarness(temp.resolve("hub"));
  }

  private SyncOptions options(FakeOutput output) {
    return SyncOptions.of(output.uri(), REPO);
  }

  /** Two files a commit: BT01, then BT02 and BT03, then the card and metadata. */
  private SyncOptions twoFilesACommit(FakeOutput output) {
    return options(output).withCommitSizing(CommitSizing.fixed(2));
  }

  @Test
  void aSmallOutputGoesUpInOneCommitWithTheCardAndTheManifest() {
    FakeOutput output = output();
    try (HubHarness h = harness()) {
      Run run = h.sync(options(output));

      assertThat(run.failure()).isNull();
      assertThat(run.report().filesUploaded()).isEqualTo(4);
      assertThat(run.report().bytesUploaded()).isEqualTo(3000 + 4000 + 5000 + 2500);
      assertThat(run.report().filesInline()).as("the card and metadata.json").isEqualTo(2);
      assertThat(run.report().commitUrls())
          .hasSize(1)
          .allMatch(url -> url.startsWith(h.hub.url() + "/datasets/macexo/exo-test/commit/"));
      assertThat(run.output())
          .contains(
              "Created dataset repo macexo/exo-test (the namespace's default visibility)",
              "committed \"Add BT01, BT02, BT03 and the dataset card (6 files)\"",
              "uploaded data/subject=BT01/part-00000.parquet",
              "Final commit of macexo/exo-test@main: " + run.report().finalCommit());
      Map<String, String> remote = h.hub.files(REPO.toString());
      assertThat(remote.keySet())
          .containsExactlyInAnyOrder(
              ".gitattributes",
              "README.md",
              "metadata.json",
              SyncManifest.PATH,
              DATA.get(0),
              DATA.get(1),
              DATA.get(2),
              DATA.get(3));
      DATA.forEach(path -> assertThat(remote.get(path)).isEqualTo(output.sha256(path)));
      assertThat(h.hub.commitCount(REPO.toString())).isEqualTo(1 + 1);
      assertThat(h.manifestAt(run.report().finalCommit()).files().keySet())
          .containsExactlyInAnyOrder(
              "README.md", "metadata.json", DATA.get(0), DATA.get(1), DATA.get(2), DATA.get(3));
    }
  }

  @Test
  void commitsGoParticipantByParticipantWithTheCardLastAndEachCarriesItsManifest() {
    FakeOutput output = output();
    try (HubHarness h = harness()) {
      Run run = h.sync(twoFilesACommit(output));

      assertThat(run.failure()).isNull();
      assertThat(run.output())
          .containsSubsequence(
              "committed \"Add BT01 (2 files)\"",
              "committed \"Add BT02, BT03 (2 files)\"",
              "committed \"Update dataset card (README.md, metadata.json)\"");
      List<String> commits = h.hub.commitIds(REPO.toString());
      assertThat(commits).hasSize(1 + 3);
      for (String commit : commits.subList(0, 3)) {
        Set<String> files = new TreeSet<>(h.filesAt(commit).keySet());
        files.removeAll(Set.of(".gitattributes", SyncManifest.PATH));
        assertThat(h.manifestAt(commit).files().keySet())
            .as("the manifest of %s lists exactly what is there", commit)
            .containsExactlyInAnyOrderElementsOf(files);
        assertThat(files.contains("README.md"))
            .as("the card arrives with the last commit only")
            .isEqualTo(commit.equals(commits.get(0)));
      }
    }
  }

  @Test
  void noOpRerunSendsNoBytesMakesNoCommitAndTwoRequests() {
    FakeOutput output = output();
    try (HubHarness h = harness()) {
      String head = h.sync(options(output)).report().finalCommit();
      h.hub.resetCounts();

      Run again = h.sync(options(output));

      assertThat(again.report().filesUploaded()).isZero();
      assertThat(again.report().bytesUploaded()).isZero();
      assertThat(again.report().filesUnchanged()).isEqualTo(6);
      assertThat(again.report().commitUrls()).isEmpty();
      assertThat(again.report().finalCommit()).isEqualTo(head);
      assertThat(h.hub.commitCount(REPO.toString())).isEqualTo(2);
      assertThat(h.hub.requestCounts()).isEqualTo(Map.of(Route.REPO_INFO, 1, Route.TREE, 1));
      assertThat(again.report().requests()).isEqualTo(2);
      assertThat(again.output())
          .contains(
              "Plan: send 0 files (0 B), keep 6 unchanged, delete 0, in 0 commits",
              "Final commit of macexo/exo-test@main: " + head);
    }
  }

  @Test
  void changingOneParticipantMovesOnlyItsFilesAndDeletesTheOldOne() {
    FakeOutput output = output();
    try (HubHarness h = harness()) {
      h.sync(options(output));
      output.delete(DATA.get(2)).write("data/subject=BT02/part-00007.parquet", 6000, 99);
      h.hub.resetCounts();

      Run run = h.sync(options(output));

      assertThat(run.report().filesUploaded()).isEqualTo(1);
      assertThat(run.report().filesDeleted()).isEqualTo(1);
      assertThat(run.report().commitUrls()).hasSize(1);
      assertThat(run.output()).contains("change \"Update BT02 (1 file, 1 deleted)\"");
      assertThat(h.hub.requestCount(Route.LFS_UPLOAD)).isEqualTo(1);
      assertThat(h.hub.requestCount(Route.RESOLVE)).as("the manifest, read once").isEqualTo(1);
      assertThat(h.hub.files(REPO.toString()))
          .doesNotContainKey(DATA.get(2))
          .containsKey("data/subject=BT02/part-00007.parquet")
          .containsKeys(DATA.get(0), DATA.get(1), DATA.get(3));
      assertThat(h.manifestAt(run.report().finalCommit()).files())
          .containsKey("data/subject=BT02/part-00007.parquet")
          .doesNotContainKey(DATA.get(2));
    }
  }

  @Test
  void killedDuringAnUploadResumesWithoutResendingStoredObjects() {
    FakeOutput output = output();
    try (HubHarness h = harness()) {
      Faults.on(h.hub).injectFailure(Route.LFS_UPLOAD, 2, Failure.DROP_CONNECTION, 100);
      Run killed = h.sync(options(output).withParallelUploads(1));

      assertThat(killed.failure())
          .hasMessageStartingWith("Cannot upload " + DATA.get(1) + ": network error: ");
      assertThat(h.hub.commitCount(REPO.toString()))
          .as("nothing committed without its bytes")
          .isEqualTo(1);

      h.settle();
      Faults.on(h.hub).clearFailures();
      h.hub.resetCounts();
      Run resumed = h.sync(options(output));

      // Every object is either found stored or sent exactly once.
      assertThat(resumed.failure()).isNull();
      assertThat(resumed.report().filesAlreadyStored()).isGreaterThanOrEqualTo(1);
      assertThat(resumed.report().filesUploaded() + resumed.report().filesAlreadyStored())
          .isEqualTo(4);
      assertThat(h.hub.requestCount(Route.LFS_UPLOAD)).isEqualTo(resumed.report().filesUploaded());
      assertThat(resumed.output()).contains("stored already: " + DATA.get(0));
      assertThat(h.hub.files(REPO.toString())).containsKeys(DATA.toArray(String[]::new));
    }
  }

  @Test
  void killedBeforeTheCommitResumesWithoutUploadingAgain() {
    FakeOutput output = output();
    try (HubHarness h = harness()) {
      Faults.on(h.hub).injectFailure(Route.COMMIT, 1, Failure.DROP_CONNECTION, 100);
      Run killed = h.sync(options(output));
      assertThat(killed.failure())
          .hasMessageContaining(
              "Cannot commit 'Add BT01, BT02, BT03 and the dataset card (6 files)'")
          .hasMessageContaining("network error");
      assertThat(h.hub.commitCount(REPO.toString())).isEqualTo(1);

      h.settle();
      Faults.on(h.hub).clearFailures();
      h.hub.resetCounts();
      Run resumed = h.sync(options(output));

      assertThat(resumed.report().filesAlreadyStored()).isEqualTo(4);
      assertThat(resumed.report().filesUploaded()).isZero();
      assertThat(h.hub.requestCount(Route.LFS_UPLOAD)).isZero();
      assertThat(h.hub.commitCount(REPO.toString())).isEqualTo(2);
    }
  }

  @Test
  void aCommitWhoseAnswerWasLostIsFoundOnTheHubAndNotMadeTwice() {
    FakeOutput output = output();
    try (HubHarness h = harness()) {
      Faults.on(h.hub).injectFailure(Route.COMMIT, 1, Failure.DROP_AFTER_HANDLING);

      Run run = h.sync(twoFilesACommit(output));

      assertThat(run.failure()).isNull();
      assertThat(run.output())
          .contains(
              "no clear answer to the commit; re-reading macexo/exo-test@main",
              "committed (found on the Hub after a lost answer) \"Add BT01 (2 files)\"");
      assertThat(h.hub.requestCount(Route.COMMIT)).isEqualTo(3);
      assertThat(h.hub.requestCount(Route.PATHS_INFO)).as("one batched call").isEqualTo(1);
      assertThat(h.hub.commitCount(REPO.toString())).isEqualTo(1 + 3);
    }
  }

  @Test
  void aCommitThatLandedButWasAnswered502IsNotMadeTwice() {
    FakeOutput output = output();
    try (HubHarness h = harness()) {
      Faults.on(h.hub).injectFailure(Route.COMMIT, 1, Failure.statusAfterHandling(502));

      Run run = h.sync(options(output));

      assertThat(run.failure()).isNull();
      assertThat(run.output())
          .contains(
              "failed (HTTP 502)",
              "committed (found on the Hub after a lost answer) \"Add BT01, BT02, BT03 and the"
                  + " dataset card (6 files)\"");
      assertThat(h.hub.requestCount(Route.COMMIT)).isEqualTo(1);
      assertThat(h.hub.commitCount(REPO.toString())).isEqualTo(1 + 1);
    }
  }

  @Test
  void transientErrorsAreRetriedWithBackoffOrTheHubsRetryAfter() {
    FakeOutput output = output();
    try (HubHarness h = harness()) {
      Faults.on(h.hub).injectFailure(Route.TREE, 1, Failure.retryAfter(503, 3));
      Faults.on(h.hub).injectFailure(Route.LFS_BATCH, 1, Failure.status(503));
      Faults.on(h.hub).injectFailure(Route.LFS_UPLOAD, 2, Failure.status(502), 2);
      Faults.on(h.hub).injectFailure(Route.PREUPLOAD, 1, Failure.DROP_CONNECTION);

      Run run = h.sync(options(output).withParallelUploads(1));

      assertThat(run.failure()).isNull();
      assertThat(run.report().filesUploaded()).isEqualTo(4);
      assertThat(h.sleeps)
          .contains(Duration.ofSeconds(3), Duration.ofMillis(1), Duration.ofMillis(2));
      assertThat(run.output())
          .contains(
              "asked to wait: list the files of macexo/exo-test@main (HTTP 503): the Hub asked to"
                  + " retry after 3 s; waiting 3 s");
      assertThat(h.hub.requestCount(Route.LFS_UPLOAD)).isEqualTo(4 + 2);
      assertThat(h.hub.commitCount(REPO.toString())).isEqualTo(2);
    }
  }

  @Test
  void aFailedParallelUploadStopsTheSyncBeforeItsBatchIsCommitted() {
    FakeOutput output = output();
    try (HubHarness h = harness()) {
      Faults.on(h.hub).injectFailure(Route.LFS_UPLOAD, 3, Failure.status(400));

      Run run = h.sync(options(output).withParallelUploads(4));

      assertThat(run.failure()).hasMessageContaining(": HTTP 400: Injected failure 400");
      String failed = run.failure().getMessage().replaceFirst("^Cannot upload (\\S+): .*$", "$1");
      assertThat(DATA).contains(failed);
      assertThat(h.hub.files(REPO.toString()))
          .doesNotContainKey(failed)
          .doesNotContainKey("README.md");
    }
  }

  @Test
  void aPersistentErrorFailsWithTheHubErrorDetailsAndTheFile() {
    FakeOutput output = output();
    try (HubHarness h = harness()) {
      Faults.on(h.hub).injectFailure(Route.LFS_VERIFY, 1, Failure.status(404));

      Run run = h.sync(options(output).withParallelUploads(1));

      assertThat(run.failure())
          .hasMessage(
              "Cannot verify the upload of "
                  + DATA.get(0)
                  + ": HTTP 404: Injected failure 404 (request id "
                  + run.failure().getMessage().replaceAll(".*request id (.*)\\)$", "$1")
                  + ")");
      assertThat(h.hub.commitCount(REPO.toString()))
          .as("no commit before verify succeeds")
          .isEqualTo(1);
    }
  }

  @Test
  void aStaleParentCommitIsRefreshedAndOnlyTheBatchRetried() {
    FakeOutput output = output();
    try (HubHarness h = harness()) {
      Faults.on(h.hub)
          .injectFailure(Route.COMMIT, 2, Failure.runBefore(() -> someoneElseCommits(h.client())));

      Run run = h.sync(twoFilesACommit(output));

      assertThat(run.failure()).isNull();
      assertThat(run.output()).contains("the branch moved since the plan");
      assertThat(h.hub.files(REPO.toString())).containsKeys("notes.txt", DATA.get(2));
      assertThat(h.hub.commitCount(REPO.toString())).isEqualTo(1 + 3 + 1);
      assertThat(h.hub.requestCount(Route.COMMIT))
          .as("3, one again, and the other client's")
          .isEqualTo(3 + 1 + 1);
    }
  }

  @Test
  void largeFilesGoByMultipartUpload() {
    FakeOutput output = output();
    DevHubOptions small =
        DevHubOptions.withTokens(Set.of(HubHarness.TOKEN)).withMultipart(4000, 1500);
    try (HubHarness h = new HubHarness(temp.resolve("hub"), small)) {
      Run run = h.sync(options(output));

      assertThat(run.failure()).isNull();
      assertThat(h.hub.requestCount(Route.LFS_PART)).isEqualTo(3 + 4);
      assertThat(h.hub.requestCount(Route.LFS_COMPLETE)).isEqualTo(2);
      assertThat(h.hub.requestCount(Route.LFS_UPLOAD)).isEqualTo(2);
      assertThat(run.output()).contains("part 4/4 of " + DATA.get(2) + " (500 B) sent");
      DATA.forEach(
          path ->
              assertThat(h.hub.files(REPO.toString()).get(path)).isEqualTo(output.sha256(path)));
    }
  }

  @Test
  void dryRunPrintsThePlanAndSendsNoWriteRequest() {
    FakeOutput output = output();
    try (HubHarness h = harness()) {
      Run run = h.sync(options(output).withDryRun(true).withTag("v1"));

      assertThat(run.failure()).isNull();
      assertThat(run.output())
          .contains(
              "Remote macexo/exo-test@main: does not exist yet",
              "Plan: send 6 files",
              "in 1 commit",
              "  change \"Add BT01 (2 files)\"",
              "    + " + DATA.get(0),
              "Dry run: nothing was written");
      assertThat(h.hub.writeRequests()).isZero();
      assertThat(h.hub.commitCount(REPO.toString())).isZero();
    }
  }

  @Test
  void refusesAnOutputWithoutTheSuccessMarker() {
    FakeOutput output = output().delete("_SUCCESS");
    try (HubHarness h = harness()) {
      Run run = h.sync(options(output));

      assertThat(run.failure())
          .hasMessage(
              "Cannot sync "
                  + new org.apache.hadoop.fs.Path(output.uri())
                  + ": no _SUCCESS marker; the prepare run did not finish");
      assertThat(h.hub.totalRequests()).isZero();
    }
  }

  @Test
  void stateSurvivesARestartAndTreesArePaged() {
    FakeOutput output = output();
    DevHubOptions paged = DevHubOptions.withTokens(Set.of(HubHarness.TOKEN)).withPageSizes(2, 2);
    try (HubHarness h = new HubHarness(temp.resolve("hub"), paged)) {
      h.sync(options(output));
      h.restart();

      Run again = h.sync(options(output));

      assertThat(again.report().filesUploaded()).isZero();
      assertThat(again.report().commitUrls()).isEmpty();
      // 8 files and 5 folders (.exo-etl, data, three participants) in pages of 2.
      assertThat(h.hub.requestCount(Route.TREE)).isEqualTo(7);
    }
  }

  @Test
  void theCardOnTheHubIsRenderedForTheRepoItWasSyncedTo() {
    FakeOutput output = output();
    try (HubHarness h = harness()) {
      Run run = h.sync(options(output));

      assertThat(run.failure()).isNull();
      assertThat(h.hub.files(REPO.toString()).get("README.md"))
          .isEqualTo(output.publishedSha256("README.md", REPO))
          .isNotEqualTo(output.sha256("README.md"));
    }
  }

  @Test
  void anOutputWithoutMetadataPublishesItsOwnCard() {
    FakeOutput output = output().delete("metadata.json");
    try (HubHarness h = harness()) {
      Run run = h.sync(options(output));

      assertThat(run.failure()).isNull();
      assertThat(run.output())
          .contains("no metadata.json in the output: publishing its README.md as it is");
      assertThat(h.hub.files(REPO.toString()).get("README.md"))
          .isEqualTo(output.sha256("README.md"));
    }
  }

  @Test
  void theTrialsTableGoesUpWithTheCard() {
    FakeOutput output = output().write(OutputLayout.TRIALS, 1200, 7);
    try (HubHarness h = harness()) {
      Run run = h.sync(twoFilesACommit(output).withCommitSizing(CommitSizing.fixed(3)));

      assertThat(run.failure()).isNull();
      assertThat(run.output())
          .contains(
              "committed \"Update dataset card (README.md, metadata.json, trials/trials.parquet)\"");
      assertThat(h.hub.files(REPO.toString()).get(OutputLayout.TRIALS))
          .isEqualTo(output.sha256(OutputLayout.TRIALS));
    }
  }

  @Test
  void theManifestAndDescriptionsGoByLfsWhenTheRepoSaysSo() {
    FakeOutput output = output();
    try (HubHarness h = harness()) {
      HubClient other = h.client();
      other.repos().createRepo(REPO, Visibility.DEFAULT);
      String head = other.headCommit(REPO, "main").orElseThrow();
      byte[] attributes = "*.json filter=lfs diff=lfs merge=lfs -text\n".getBytes();
      List<CommitOperation> lfsJson =
          List.of(new CommitOperation.AddRegular(".gitattributes", attributes));
      other.commit(REPO, "main", CommitPayload.ndjson("LFS json", "", head, lfsJson), "LFS json");

      Run run = h.sync(options(output));
      h.hub.resetCounts();
      Run again = h.sync(options(output));

      assertThat(run.failure()).isNull();
      assertThat(run.report().filesInline()).as("only the card").isEqualTo(1);
      assertThat(h.manifestAt(run.report().finalCommit()).files()).hasSize(6);
      assertThat(h.client().remoteState(REPO, "main").files().get(SyncManifest.PATH).lfsSha256())
          .as("the manifest itself went by LFS")
          .isNotNull();
      assertThat(h.hub.files(REPO.toString()).get("metadata.json"))
          .isEqualTo(output.sha256("metadata.json"));
      assertThat(again.report().commitUrls()).isEmpty();
      assertThat(again.report().requests()).isEqualTo(2);
    }
  }

  static void someoneElseCommits(HubClient other) {
    String head = other.remoteState(REPO, "main").headSha();
    List<CommitOperation> notes =
        List.of(new CommitOperation.AddRegular("notes.txt", "hello".getBytes()));
    other.commit(REPO, "main", CommitPayload.ndjson("Add notes", "", head, notes), "Add notes");
  }
}
