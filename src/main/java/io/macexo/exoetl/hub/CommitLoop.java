package io.macexo.exoetl.hub;

import io.macexo.exoetl.hub.SyncPlan.Change;
import io.macexo.exoetl.hub.SyncPlan.CommitBatch;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Commits the plan's changes one commit at a time, on top of the head each was planned against, and
 * copes with what goes wrong without blindly posting a commit twice. Each commit packs whole
 * changes up to the current {@link CommitSizer} size ({@link CommitPacker}), waits until storage
 * holds its LFS objects ({@link UploadAhead}) and carries the {@link SyncManifest} of the state it
 * leaves, so the manifest is right after any crash.
 *
 * <p>A 412 (someone committed since the parent) and a commit POST with no clear answer (network
 * error or timeout, 5xx: it may or may not have landed) lead to the same step: wait (the backoff;
 * nothing after a 412), re-read the head and the batch's paths (one batched paths-info call, not
 * the whole tree), keep only what is still missing, and commit that on the new head. If nothing is
 * missing, the commit had landed. A rate limit (429: refused, so nothing to re-read) waits what the
 * Hub asked. A rate limit or a failure other than 412 also halves the commit size; when the rest no
 * longer fits, it goes back to the queue to be packed smaller. Up to {@link
 * RetryPolicy#maxRetries()} rounds per commit, rate limits waited for up to {@link
 * RetryPolicy#maxRateLimitWait()}.
 */
final class CommitLoop {
  private final HubClient client;
  private final SyncOptions options;
  private final Waiter waiter;
  private final SyncProgress progress;
  private final CommitSizer sizer;
  private final Map<String, UploadMode> modes;
  private final UploadAhead uploads;
  private final SyncTally tally;

  /** Where the branch is after the last commit of this run, and the manifest that commit wrote. */
  private static final class Tip {
    String head;
    SyncManifest manifest;

    Tip(String head, SyncManifest manifest) {
      this.head = head;
      this.manifest = manifest;
    }
  }

  /** Everything a commit loop works with; {@code modes} come from preupload. */
  record Parts(
      HubClient client,
      SyncOptions options,
      Waiter waiter,
      SyncProgress progress,
      Map<String, UploadMode> modes,
      UploadAhead uploads,
      SyncTally tally) {}

  CommitLoop(Parts parts) {
    this.client = parts.client();
    this.options = parts.options();
    this.waiter = parts.waiter();
    this.progress = parts.progress();
    this.sizer = new CommitSizer(options.commitSizing());
    this.modes = parts.modes();
    this.uploads = parts.uploads();
    this.tally = parts.tally();
  }

  /** How many commits a plan takes at the starting size (for the plan line; sizes adapt). */
  static int estimate(List<Change> changes, CommitSizing sizing) {
    Deque<Change> queue = new ArrayDeque<>(changes);
    int commits = 0;
    while (!queue.isEmpty()) {
      CommitPacker.next(queue, sizing.initial(), sizing.max());
      commits++;
    }
    return commits;
  }

  /**
   * Commits the changes.
   *
   * @param owned the remote files the sync owns before its first commit
   * @param manifestOutdated true when the repo's manifest is not the one the changes start from, so
   *     a manifest is committed even without changes
   * @return the head after the last commit
   */
  String run(List<Change> changes, String head, SyncManifest owned, boolean manifestOutdated) {
    Deque<Change> queue = new ArrayDeque<>(changes);
    Tip tip = new Tip(head, owned);
    if (queue.isEmpty() && manifestOutdated) {
      commit(new CommitBatch(List.of()), false, tip, queue);
    }
    while (!queue.isEmpty()) {
      CommitPacker.Packed packed =
          CommitPacker.next(queue, sizer.size(), options.commitSizing().max());
      uploads.await(packed.batch());
      commit(packed.batch(), packed.full(), tip, queue);
    }
    return tip.head;
  }

  private void commit(CommitBatch batch, boolean full, Tip tip, Deque<Change> queue) {
    SyncManifest after =
        tip.manifest.after(CommitOperations.entries(batch, modes), batch.deletes());
    LocalFile manifest = stored(after.toFile());
    Attempts attempts = new Attempts();
    CommitBatch todo = batch;
    String parent = tip.head;
    while (true) {
      long start = System.nanoTime();
      Optional<HubClient.CommitResult> result = attempts.post(todo, manifest, parent);
      if (result.isPresent()) {
        sizer.landed(full, Duration.ofNanos(System.nanoTime() - start));
        landed(batch, tip, after, result.get().commitOid(), result.get().commitUrl(), false);
        return;
      }
      if (attempts.unanswered) {
        RemoteState now = client.remoteState(options.repo(), options.revision(), paths(todo));
        parent = now.headSha();
        todo = SyncPlanner.remaining(todo, now);
        if (todo.isEmpty() && SyncPlanner.sameAsRemote(manifest, now)) {
          landed(
              batch, tip, after, parent, client.commitUrl(options.repo(), parent), attempts.lost);
          return;
        }
      }
      boolean smaller = attempts.shrink && sizer.shrink();
      if (smaller && todo.changes().size() > 1 && todo.size() > sizer.size()) {
        requeue(batch, todo, tip, parent, queue);
        return;
      }
    }
  }

  /** The manifest file, its bytes first put in storage when the Hub wants it by LFS. */
  private LocalFile stored(LocalFile manifest) {
    if (CommitOperations.isLfs(manifest, modes)) {
      uploads.store(manifest);
    }
    return manifest;
  }

  private void landed(
      CommitBatch batch, Tip tip, SyncManifest after, String head, String url, boolean lost) {
    tip.head = head;
    tip.manifest = after;
    progress.committed(batch.summary(), url, lost);
    tally.committed(batch, url, modes);
  }

  /**
   * Puts what is left of a batch back at the front of the queue, to be packed at the smaller size;
   * what the remote already holds of it counts as done.
   */
  private void requeue(
      CommitBatch batch, CommitBatch todo, Tip tip, String head, Deque<Change> queue) {
    List<LocalFile> doneAdds = new ArrayList<>(batch.adds());
    doneAdds.removeAll(todo.adds());
    List<String> doneDeletes = new ArrayList<>(batch.deletes());
    doneDeletes.removeAll(todo.deletes());
    CommitBatch done = new CommitBatch(List.of(new Change("done", doneAdds, doneDeletes)));
    tip.manifest = tip.manifest.after(CommitOperations.entries(done, modes), doneDeletes);
    tip.head = head;
    List<Change> rest = todo.changes();
    for (int i = rest.size() - 1; i >= 0; i--) {
      queue.addFirst(rest.get(i));
    }
    progress.line("  committing at most " + sizer.size() + " files at a time from now on");
  }

  private static List<String> paths(CommitBatch batch) {
    List<String> paths = new ArrayList<>();
    batch.adds().forEach(file -> paths.add(file.path()));
    paths.addAll(batch.deletes());
    paths.add(SyncManifest.PATH);
    return paths;
  }

  /** The failed tries of one commit: rounds, rate-limit waits, and what they imply. */
  private final class Attempts {
    private int rounds;
    private Duration rateLimited = Duration.ZERO;
    private boolean lost;
    private boolean shrink;

    /** False after a rate limit: the Hub refused the commit, so there is nothing to re-read. */
    private boolean unanswered;

    /** Posts the commit once; empty when it failed in a way worth re-reading and trying again. */
    Optional<HubClient.CommitResult> post(CommitBatch todo, LocalFile manifest, String parent) {
      String summary = todo.summary();
      String ndjson =
          CommitPayload.ndjson(
              summary, options.message(), parent, CommitOperations.of(todo, manifest, modes));
      try {
        return Optional.of(client.commit(options.repo(), options.revision(), ndjson, summary));
      } catch (HubException e) {
        waitBefore(e, "commit '" + summary + "'");
        return Optional.empty();
      }
    }

    private void waitBefore(HubException e, String action) {
      boolean conflict = e.status() == 412;
      if (!(conflict || e.isNetwork() || RetryPolicy.isRetryable(e.status()))) {
        throw e;
      }
      Optional<RateLimitHint> hint = e.rateLimitHint();
      if (hint.isPresent()) {
        rateLimited = waiter.rateLimited(action, e.status(), hint.get(), rateLimited, e.headers());
      } else if (++rounds > waiter.policy().maxRetries()) {
        throw e;
      } else if (!conflict) {
        waiter.backoff(action, rounds, e.isNetwork() ? "no answer" : "HTTP " + e.status());
      }
      unanswered = e.status() != 429;
      lost |= !conflict && unanswered;
      shrink = !conflict;
      if (unanswered) {
        progress.line(
            "  "
                + (conflict ? "the branch moved since the plan" : "no clear answer to the commit")
                + "; re-reading "
                + options.repo()
                + "@"
                + options.revision()
                + " before trying again");
      }
    }
  }
}
