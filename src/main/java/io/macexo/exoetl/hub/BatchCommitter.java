package io.macexo.exoetl.hub;

import io.macexo.exoetl.hub.SyncPlan.CommitBatch;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Commits one batch on top of the head it was planned against, and copes with the two ways that can
 * go wrong without blindly posting the same commit twice. A 412 (someone committed since the
 * parent) and a commit POST with no answer (network error, 5xx: it may or may not have landed) both
 * lead to the same step: re-read the remote (head and tree), keep only the operations still
 * missing, and commit those on the new head; if nothing is missing, the commit had landed. Up to
 * {@link RetryPolicy#maxRetries()} such rounds, with the policy's backoff except after a 412.
 */
final class BatchCommitter {
  private final HubClient client;
  private final RepoId repo;
  private final String revision;
  private final String description;
  private final RetryPolicy retry;
  private final SyncProgress progress;

  BatchCommitter(HubClient client, SyncOptions options, RetryPolicy retry, SyncProgress progress) {
    this.client = client;
    this.repo = options.repo();
    this.revision = options.revision();
    this.description = options.message();
    this.retry = retry;
    this.progress = progress;
  }

  /** The head after a batch, its URL, and how much of the batch this run committed. */
  record Outcome(String head, String url, CommitBatch committed, boolean answerLost) {}

  /**
   * Commits a batch.
   *
   * @param head the commit the batch was planned against (null for a repo without commits)
   * @param modes upload modes from preupload, for the files that are not Parquet
   */
  Outcome commit(CommitBatch batch, String head, Map<String, UploadMode> modes) {
    CommitBatch todo = batch;
    String parent = head;
    boolean lost = false;
    for (int round = 1; ; round++) {
      String ndjson =
          CommitPayload.ndjson(todo.summary(), description, parent, operations(todo, modes));
      try {
        HubClient.CommitResult result = client.commit(repo, revision, ndjson, todo.summary());
        return new Outcome(result.commitOid(), result.commitUrl(), todo, false);
      } catch (HubException e) {
        if (!recoverable(e) || round > retry.maxRetries()) {
          throw e;
        }
        lost |= e.status() != 412;
        progress.line(
            "  "
                + (e.status() == 412
                    ? "the branch moved since the plan"
                    : "no clear answer to the commit")
                + "; re-reading "
                + repo
                + "@"
                + revision
                + " before trying again");
        if (e.status() != 412) {
          retry.pause(retry.backoff(round), "commit '" + todo.summary() + "'");
        }
      }
      RemoteState remote = client.remoteState(repo, revision);
      parent = remote.headSha();
      todo = SyncPlanner.remaining(todo, remote);
      if (todo.isEmpty()) {
        return new Outcome(parent, client.commitUrl(repo, parent), batch, lost);
      }
    }
  }

  /**
   * The operations of a batch; Parquet and files preupload called "lfs" go by LFS, others inline.
   */
  static List<CommitOperation> operations(CommitBatch batch, Map<String, UploadMode> modes) {
    List<CommitOperation> operations = new ArrayList<>();
    for (LocalFile file : batch.adds()) {
      if (isLfs(file, modes)) {
        operations.add(new CommitOperation.AddLfs(file.path(), file.sha256(), file.size()));
      } else {
        operations.add(new CommitOperation.AddRegular(file.path(), read(file)));
      }
    }
    batch.deletes().forEach(path -> operations.add(new CommitOperation.Delete(path)));
    return operations;
  }

  /** Parquet always goes by LFS; other files as preupload said (LFS when it said nothing). */
  static boolean isLfs(LocalFile file, Map<String, UploadMode> modes) {
    return file.path().endsWith(".parquet")
        || modes.getOrDefault(file.path(), UploadMode.LFS) == UploadMode.LFS;
  }

  private static boolean recoverable(HubException e) {
    return e.status() == 412 || e.isNetwork() || RetryPolicy.isRetryable(e.status());
  }

  private static byte[] read(LocalFile file) {
    try {
      return file.readAll();
    } catch (IOException e) {
      throw HubException.local("read " + file.path(), e);
    }
  }
}
