package io.macexo.exoetl.hub;

import static io.macexo.exoetl.hub.HubHarness.REPO;
import static org.assertj.core.api.Assertions.assertThat;

import io.macexo.exoetl.card.DatasetCard;
import io.macexo.exoetl.hub.HubHarness.Run;
import io.macexo.exoetl.hub.devhub.DevHubOptions;
import io.macexo.exoetl.hub.devhub.Failure;
import io.macexo.exoetl.hub.devhub.Route;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sync end to end against a dev-hub on 127.0.0.1: first upload, no-op, change, resume, retries,
 * conflicts.
 */
class HubSyncTest {
  private static final List<String> DATA =
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

  @Test
  void firstUploadCommitsOneParticipantFolderAtATimeThenTheCard() {
    FakeOutput output = output();
    try (HubHarness h = harness()) {
      Run run = h.sync(options(output));

      assertThat(run.failure()).isNull();
      assertThat(run.report().filesUploaded()).isEqualTo(4);
      assertThat(run.report().bytesUploaded()).isEqualTo(3000 + 4000 + 5000 + 2500);
      // The card and metadata.json go inline in the last commit.
      assertThat(run.report().filesInline()).isEqualTo(2);
      assertThat(run.report().commitUrls())
          .hasSize(4)
          .allMatch(url -> url.startsWith(h.hub.url() + "/datasets/macexo/exo-test/commit/"));
      assertThat(run.output())
          .contains(
              "Add subject=BT01 (2 files)",
              "Add subject=BT02 (1 file)",
              "Update dataset card (README.md, metadata.json)",
              "uploaded data/subject=BT01/part-00000.parquet");
      Map<String, String> remote = h.hub.files(REPO.toString());
      assertThat(remote.keySet())
          .containsExactlyInAnyOrder(
              ".gitattributes",
              "README.md",
              "metadata.json",
              DATA.get(0),
              DATA.get(1),
              DATA.get(2),
              DATA.get(3));
      DATA.forEach(path -> assertThat(remote.get(path)).isEqualTo(output.sha256(path)));
      assertThat(h.hub.commitCount(REPO.toString())).isEqualTo(1 + 4);
    }
  }

  @Test
  void noOpRerunSendsNoBytesMakesNoCommitAndFewRequests() {
    FakeOutput output = output();
    try (HubHarness h = harness()) {
      h.sync(options(output));
      h.hub.resetCounts();

      Run again = h.sync(options(output));

      assertThat(again.report().filesUploaded()).isZero();
      assertThat(again.report().bytesUploaded()).isZero();
      assertThat(again.report().filesUnchanged()).isEqualTo(6);
      assertThat(again.report().commitUrls()).isEmpty();
      assertThat(h.hub.commitCount(REPO.toString())).isEqualTo(5);
      assertThat(h.hub.requestCounts())
          .isEqualTo(Map.of(Route.CREATE_REPO, 1, Route.REPO_INFO, 1, Route.TREE, 1));
      assertThat(again.report().requests()).isEqualTo(3);
      assertThat(again.output())
          .contains("Plan: send 0 files (0 B), keep 6 unchanged, delete 0, in 0 commits");
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
      assertThat(run.output()).contains("commit \"Update subject=BT02 (1 file, 1 deleted)\"");
      assertThat(h.hub.requestCount(Route.LFS_UPLOAD)).isEqualTo(1);
      assertThat(h.hub.files(REPO.toString()))
          .doesNotContainKey(DATA.get(2))
          .containsKey("data/subject=BT02/part-00007.parquet")
          .containsKeys(DATA.get(0), DATA.get(1), DATA.get(3));
    }
  }

  @Test
  void killedDuringAnUploadResumesWithoutResendingStoredObjects() {
    FakeOutput output = output();
    try (HubHarness h = harness()) {
      h.hub.injectFailure(Route.LFS_UPLOAD, 2, Failure.DROP_CONNECTION, 100);
      Run killed = h.sync(options(output).withParallelUploads(1));

      assertThat(killed.failure())
          .hasMessageStartingWith("Cannot upload " + DATA.get(1) + ": network error: ");
      assertThat(h.hub.commitCount(REPO.toString()))
          .as("nothing committed without its bytes")
          .isEqualTo(1);

      h.settle();
      h.hub.clearFailures();
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
      h.hub.injectFailure(Route.COMMIT, 1, Failure.DROP_CONNECTION, 100);
      Run killed = h.sync(options(output));
      assertThat(killed.failure())
          .hasMessageContaining("Cannot commit 'Add subject=BT01 (2 files)'")
          .hasMessageContaining("network error");
      assertThat(h.hub.commitCount(REPO.toString())).isEqualTo(1);

      h.settle();
      h.hub.clearFailures();
      h.hub.resetCounts();
      Run resumed = h.sync(options(output));

      assertThat(resumed.report().filesAlreadyStored())
          .as("BT01 and what ran ahead of its commit")
          .isBetween(2, 4);
      assertThat(resumed.report().filesUploaded() + resumed.report().filesAlreadyStored())
          .isEqualTo(4);
      assertThat(h.hub.requestCount(Route.LFS_UPLOAD)).isEqualTo(resumed.report().filesUploaded());
      assertThat(h.hub.commitCount(REPO.toString())).isEqualTo(5);
    }
  }

  @Test
  void aCommitWhoseAnswerWasLostIsFoundOnTheHubAndNotMadeTwice() {
    FakeOutput output = output();
    try (HubHarness h = harness()) {
      h.hub.injectFailure(Route.COMMIT, 1, Failure.DROP_AFTER_HANDLING);

      Run run = h.sync(options(output));

      assertThat(run.failure()).isNull();
      assertThat(run.output())
          .contains(
              "no clear answer to the commit; re-reading macexo/exo-test@main",
              "committed (found on the Hub after a lost answer) \"Add subject=BT01 (2 files)\"");
      assertThat(h.hub.requestCount(Route.COMMIT)).isEqualTo(4);
      assertThat(h.hub.commitCount(REPO.toString())).isEqualTo(5);
    }
  }

  @Test
  void transientErrorsAreRetriedHonouringRetryAfter() {
    FakeOutput output = output();
    try (HubHarness h = harness()) {
      h.hub.injectFailure(Route.TREE, 1, Failure.retryAfter(429, 3));
      h.hub.injectFailure(Route.LFS_BATCH, 1, Failure.status(503));
      h.hub.injectFailure(Route.LFS_UPLOAD, 2, Failure.status(502), 2);
      h.hub.injectFailure(Route.PREUPLOAD, 1, Failure.DROP_CONNECTION);

      Run run = h.sync(options(output).withParallelUploads(1));

      assertThat(run.failure()).isNull();
      assertThat(run.report().filesUploaded()).isEqualTo(4);
      assertThat(h.sleeps).contains(Duration.ofSeconds(3));
      assertThat(h.sleeps).contains(Duration.ofMillis(1), Duration.ofMillis(2));
      assertThat(run.output())
          .contains(
              "retry: list the files of macexo/exo-test@main failed (HTTP 429); trying again in 3 s");
      assertThat(h.hub.requestCount(Route.LFS_UPLOAD)).isEqualTo(4 + 2);
      assertThat(h.hub.commitCount(REPO.toString())).isEqualTo(5);
    }
  }

  @Test
  void aFailedParallelUploadStopsTheSyncBeforeItsBatchIsCommitted() {
    FakeOutput output = output();
    try (HubHarness h = harness()) {
      h.hub.injectFailure(Route.LFS_UPLOAD, 3, Failure.status(400));

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
      h.hub.injectFailure(Route.LFS_VERIFY, 1, Failure.status(404));

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
      h.hub.injectFailure(Route.COMMIT, 2, Failure.runBefore(() -> someoneElseCommits(h.client())));

      Run run = h.sync(options(output));

      assertThat(run.failure()).isNull();
      assertThat(run.output()).contains("the branch moved since the plan");
      assertThat(h.hub.files(REPO.toString())).containsKeys("notes.txt", DATA.get(2));
      assertThat(h.hub.commitCount(REPO.toString())).isEqualTo(1 + 4 + 1);
      assertThat(h.hub.requestCount(Route.COMMIT)).isEqualTo(4 + 1 + 1);
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
      Run run = h.sync(options(output).withDryRun(true));

      assertThat(run.failure()).isNull();
      assertThat(run.output())
          .contains(
              "Remote macexo/exo-test@main: does not exist yet",
              "Plan: send 6 files",
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
                  + output.uri().replaceAll("/$", "")
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
      assertThat(h.hub.requestCount(Route.TREE)).as("11 entries in pages of 2").isEqualTo(6);
    }
  }

  @Test
  void theCardOnTheHubIsRenderedForTheRepoItWasSyncedTo() throws Exception {
    FakeOutput output = output();
    try (HubHarness h = harness()) {
      Run run = h.sync(options(output));

      assertThat(run.failure()).isNull();
      String card =
          DatasetCard.render(
              new com.fasterxml.jackson.databind.ObjectMapper().readTree(FakeOutput.METADATA),
              REPO.toString());
      assertThat(card)
          .contains("load_dataset(\"" + REPO + "\"")
          .doesNotContain(DatasetCard.PLACEHOLDER_REPO_ID);
      assertThat(h.hub.files(REPO.toString()).get("README.md")).isEqualTo(sha256(card));
    }
  }

  @Test
  void anOutputWithoutMetadataPublishesItsOwnCard() throws Exception {
    FakeOutput output = output().delete("metadata.json");
    try (HubHarness h = harness()) {
      Run run = h.sync(options(output));

      assertThat(run.failure()).isNull();
      assertThat(h.hub.files(REPO.toString()).get("README.md"))
          .isEqualTo(sha256("---\nlicense: other\n---\n# Test dataset\n"));
    }
  }

  private static String sha256(String text) throws Exception {
    return java.util.HexFormat.of()
        .formatHex(
            java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  private static void someoneElseCommits(HubClient other) {
    String head = other.remoteState(REPO, "main").headSha();
    List<CommitOperation> notes =
        List.of(new CommitOperation.AddRegular("notes.txt", "hello".getBytes()));
    other.commit(REPO, "main", CommitPayload.ndjson("Add notes", "", head, notes), "Add notes");
  }
}
