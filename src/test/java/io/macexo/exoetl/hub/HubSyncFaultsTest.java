package io.macexo.exoetl.hub;

import static io.macexo.exoetl.hub.HubHarness.REPO;
import static org.assertj.core.api.Assertions.assertThat;

import io.macexo.exoetl.hub.HubHarness.Run;
import io.macexo.exoetl.hub.devhub.Failure;
import io.macexo.exoetl.hub.devhub.Faults;
import io.macexo.exoetl.hub.devhub.Route;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sync through the real Hub's faults, played by the dev-hub: rate limits on every call, a scoped
 * token, a conflicting create, branches and tags, stalled transfers. Each ends with every file
 * identical on the Hub and no duplicate commit.
 */
class HubSyncFaultsTest {
  @TempDir Path temp;

  private FakeOutput output() {
    return FakeOutput.standard(temp.resolve("out"));
  }

  private HubHarness harness() {
    return new HubHarness(temp.resolve("hub"));
  }

  private static void assertAllThere(HubHarness h, FakeOutput output, String revision) {
    Map<String, String> remote = h.hub.files(REPO.toString(), revision);
    for (String path : HubSyncTest.DATA) {
      assertThat(remote.get(path)).as(path).isEqualTo(output.sha256(path));
    }
    assertThat(remote.get("README.md")).isEqualTo(output.publishedSha256("README.md", REPO));
  }

  private static Duration total(List<Duration> sleeps) {
    return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
  }

  @Test
  void rateLimitsOnEveryCallAreWaitedOutWithACountdown() {
    FakeOutput output = output();
    try (HubHarness h = harness()) {
      for (Route route :
          List.of(
              Route.REPO_INFO,
              Route.CREATE_REPO,
              Route.TREE,
              Route.PREUPLOAD,
              Route.LFS_BATCH,
              Route.COMMIT,
              Route.PATHS_INFO)) {
        Faults.on(h.hub).injectFailure(route, 1, Failure.rateLimited(57));
      }
      Faults.on(h.hub).injectFailure(Route.COMMIT, 2, Failure.DROP_AFTER_HANDLING);

      Run run = h.sync(SyncOptions.of(output.uri(), REPO).withCommitSizing(CommitSizing.fixed(4)));

      assertThat(run.failure()).isNull();
      assertThat(total(h.sleeps))
          .as("7 waits of t + 1 s")
          .isGreaterThanOrEqualTo(Duration.ofSeconds(7 * 58));
      assertThat(h.sleeps).contains(Duration.ofSeconds(10), Duration.ofSeconds(8));
      assertThat(run.output())
          .contains(
              "rate limited: commit 'Add BT01, BT02, BT03 (4 files)' (HTTP 429): the Hub's \"api\""
                  + " quota (1000 requests per 300 s) resets in 57 s; waiting 58 s",
              "rate limited: read paths of macexo/exo-test@main (HTTP 429)",
              "rate limited: ask LFS where to upload",
              "    still rate limited: 48 s left");
      assertThat(h.hub.commitCount(REPO.toString())).as("no duplicate").isEqualTo(1 + 2);
      assertAllThere(h, output, "main");
    }
  }

  @Test
  void aRateLimitLongerThanTheCapStopsAtOnceAndARerunFinishes() {
    FakeOutput output = output();
    try (HubHarness h = harness()) {
      h.retry = h.retry.withMaxRateLimitWait(Duration.ofSeconds(60));
      Faults.on(h.hub).injectFailure(Route.COMMIT, 1, Failure.rateLimited(300));

      Run stopped = h.sync(SyncOptions.of(output.uri(), REPO));

      assertThat(stopped.failure())
          .hasMessage(
              "Cannot commit 'Add BT01, BT02, BT03 and the dataset card (6 files)': rate limited by"
                  + " the Hub (HTTP 429, the Hub's \"api\" quota (1000 requests per 300 s) resets in"
                  + " 300 s), longer than sync waits in all (60 s, --max-rate-limit-wait); nothing is"
                  + " lost: run the same command again later to finish");
      assertThat(total(h.sleeps)).isLessThan(Duration.ofSeconds(1));

      Run rerun = h.sync(SyncOptions.of(output.uri(), REPO));

      assertThat(rerun.failure()).isNull();
      assertThat(rerun.report().filesAlreadyStored()).isEqualTo(4);
      assertThat(h.hub.commitCount(REPO.toString())).isEqualTo(2);
      assertAllThere(h, output, "main");
    }
  }

  @Test
  void aRateLimitedCommitHalvesTheCommitSize() {
    FakeOutput output = output();
    try (HubHarness h = harness()) {
      Faults.on(h.hub).injectFailure(Route.COMMIT, 1, Failure.rateLimited(5));

      Run run =
          h.sync(SyncOptions.of(output.uri(), REPO).withCommitSizing(new CommitSizing(4, 2, 8)));

      assertThat(run.failure()).isNull();
      assertThat(run.output())
          .containsSubsequence(
              "rate limited: commit 'Add BT01, BT02, BT03 (4 files)'",
              "committing at most 2 files at a time from now on",
              "committed \"Add BT01 (2 files)\"",
              "committed \"Add BT02, BT03 (2 files)\"");
      assertThat(h.hub.commitCount(REPO.toString())).isEqualTo(1 + 3);
      assertAllThere(h, output, "main");
    }
  }

  @Test
  void aScopedTokenSyncsIntoAnExistingRepoWithoutCreatingIt() {
    FakeOutput output = output();
    try (HubHarness h = harness()) {
      h.client().repos().createRepo(REPO, Visibility.PRIVATE);
      h.hub.resetCounts();

      Run run = h.sync(SyncOptions.of(output.uri(), REPO), HubHarness.SCOPED);

      assertThat(run.failure()).isNull();
      assertThat(h.hub.requestCount(Route.CREATE_REPO)).isZero();
      assertAllThere(h, output, "main");
    }
  }

  @Test
  void a403OnCreateIsFineWhenTheRepoExistsAndA409InProgressIsRetried() {
    FakeOutput output = output();
    try (HubHarness h = harness()) {
      Faults.on(h.hub)
          .injectFailure(
              Route.CREATE_REPO,
              1,
              Failure.status(
                  409, "Cannot create repo: another conflicting operation is in progress"));
      // Counted among the requests the first injection lets through: the second create.
      Faults.on(h.hub)
          .injectFailure(
              Route.CREATE_REPO,
              1,
              Failure.runBefore(() -> h.client().repos().createRepo(REPO, Visibility.DEFAULT)));

      Run run = h.sync(SyncOptions.of(output.uri(), REPO), HubHarness.SCOPED);

      assertThat(run.failure()).isNull();
      assertThat(run.output())
          .contains(
              "retry: create dataset repo macexo/exo-test failed (HTTP 409: another operation is in progress)")
          .doesNotContain("Created dataset repo");
      assertAllThere(h, output, "main");
    }
  }

  @Test
  void aScopedTokenCannotCreateAMissingRepoAndSaysSo() {
    try (HubHarness h = harness()) {
      Run run = h.sync(SyncOptions.of(output().uri(), REPO), HubHarness.SCOPED);

      assertThat(run.failure().getMessage())
          .startsWith(
              "Cannot create dataset repo macexo/exo-test: HTTP 403: You don't have the rights")
          .endsWith(
              "; the token may not create repos in macexo: create macexo/exo-test on the Hub (or use"
                  + " a token that may), then run again");
    }
  }

  @Test
  void aMissingBranchIsCreatedFromMainAndMainIsLeftAlone() {
    FakeOutput output = output();
    try (HubHarness h = harness()) {
      h.client().repos().createRepo(REPO, Visibility.DEFAULT);
      String main = h.client().headCommit(REPO, "main").orElseThrow();

      Run run = h.sync(SyncOptions.of(output.uri(), REPO).withRevision("v2-draft"));

      assertThat(run.failure()).isNull();
      assertThat(run.output()).contains("Created branch v2-draft of macexo/exo-test from main");
      assertAllThere(h, output, "v2-draft");
      assertThat(h.client().headCommit(REPO, "main")).contains(main);
      assertThat(h.hub.commitCount(REPO.toString(), "v2-draft")).isEqualTo(2);
    }
  }

  @Test
  void aTagPinsTheFinalCommitAndNeverMoves() {
    FakeOutput output = output();
    try (HubHarness h = harness()) {
      Run first = h.sync(SyncOptions.of(output.uri(), REPO).withTag("v1"));
      Run again = h.sync(SyncOptions.of(output.uri(), REPO).withTag("v1"));
      output.write("data/subject=BT04/part-00000.parquet", 100, 9);
      Run moved = h.sync(SyncOptions.of(output.uri(), REPO).withTag("v1"));

      String head = first.report().finalCommit();
      assertThat(first.output())
          .contains(
              "Tagged v1 -> " + head,
              "pin it: datasets.load_dataset(\"macexo/exo-test\", revision=\"v1\")",
              "Final commit of macexo/exo-test@main: " + head);
      assertThat(h.client().repos().tags(REPO)).isEqualTo(Map.of("v1", head));
      assertThat(again.output()).contains("Tag already in place: v1 -> " + head);
      assertThat(moved.failure())
          .hasMessageStartingWith("Cannot tag macexo/exo-test@")
          .hasMessageEndingWith(
              "as v1: the tag already names commit "
                  + head
                  + "; tags do not move, so pass another --tag (or delete the old one on the Hub)");
      assertThat(h.hub.files(REPO.toString(), "v1"))
          .doesNotContainKey("data/subject=BT04/part-00000.parquet");
    }
  }

  @Test
  void aStalledUploadIsCutByTheReadTimeoutAndSentAgain() {
    FakeOutput output = output();
    try (HubHarness h = harness()) {
      h.timeouts = new HubTimeouts(Duration.ofSeconds(5), Duration.ofMillis(400));
      Faults.on(h.hub).injectFailure(Route.LFS_UPLOAD, 1, Failure.stall(Duration.ofSeconds(30)));

      long start = System.nanoTime();
      Run run = h.sync(SyncOptions.of(output.uri(), REPO).withParallelUploads(1));

      assertThat(run.failure()).isNull();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
      assertThat(run.output()).contains("failed (HttpTimeoutException); trying again");
      assertThat(h.hub.requestCount(Route.LFS_UPLOAD)).isEqualTo(4 + 1);
      assertAllThere(h, output, "main");
    }
  }

  @Test
  void aStalledCommitIsCheckedOnTheHubBeforeItIsSentAgain() {
    FakeOutput output = output();
    try (HubHarness h = harness()) {
      h.timeouts = new HubTimeouts(Duration.ofSeconds(5), Duration.ofMillis(400));
      Faults.on(h.hub).injectFailure(Route.COMMIT, 1, Failure.stall(Duration.ofSeconds(30)));

      Run run = h.sync(SyncOptions.of(output.uri(), REPO));

      assertThat(run.failure()).isNull();
      assertThat(run.output()).contains("no clear answer to the commit");
      assertThat(h.hub.requestCount(Route.COMMIT)).isEqualTo(2);
      assertThat(h.hub.commitCount(REPO.toString())).isEqualTo(2);
      assertAllThere(h, output, "main");
    }
  }
}
