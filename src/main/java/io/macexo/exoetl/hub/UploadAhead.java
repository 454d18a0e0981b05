package io.macexo.exoetl.hub;

import io.macexo.exoetl.hub.SyncPlan.Change;
import io.macexo.exoetl.hub.SyncPlan.CommitBatch;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;

/**
 * Runs the LFS uploads ahead of the commits: the uploads of each change (one participant) start in
 * plan order, up to {@value #LOOKAHEAD} changes past the last one of the commit being made, so
 * sending bytes and committing overlap while presigned URLs are used soon after they are handed
 * out. A commit waits until storage holds every LFS object of its changes; the first failure is
 * rethrown as is, so nothing that needs a missing object is committed.
 */
final class UploadAhead {
  /** How many changes past the ones being committed may already be uploading. */
  static final int LOOKAHEAD = 2;

  private final LfsUploader uploader;
  private final ExecutorService pool;
  private final List<Change> order;
  private final Map<String, Integer> index = new HashMap<>();
  private final Map<String, UploadMode> modes;
  private final List<CompletableFuture<Void>> started = new ArrayList<>();

  UploadAhead(
      LfsUploader uploader,
      ExecutorService pool,
      List<Change> order,
      Map<String, UploadMode> modes) {
    this.uploader = uploader;
    this.pool = pool;
    this.order = List.copyOf(order);
    this.modes = modes;
    for (int i = 0; i < order.size(); i++) {
      index.put(order.get(i).group(), i);
    }
  }

  /** Waits until storage holds the batch's LFS objects, starting the uploads ahead of it. */
  void await(CommitBatch batch) {
    int last =
        batch.changes().stream().mapToInt(change -> index.get(change.group())).max().orElse(-1);
    while (started.size() < order.size() && started.size() <= last + LOOKAHEAD) {
      List<LocalFile> lfs =
          order.get(started.size()).adds().stream()
              .filter(file -> CommitOperations.isLfs(file, modes))
              .toList();
      started.add(uploader.start(lfs, pool));
    }
    for (Change change : batch.changes()) {
      join(started.get(index.get(change.group())));
    }
  }

  /** Uploads one file now (the manifest, when the Hub wants it by LFS). */
  void store(LocalFile file) {
    join(uploader.start(List.of(file), pool));
  }

  private static void join(CompletableFuture<Void> uploads) {
    try {
      uploads.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof HubException hub) {
        throw hub;
      }
      throw HubException.local(
          "upload",
          e.getCause() instanceof IOException io
              ? io
              : new IOException(String.valueOf(e.getCause()), e.getCause()));
    }
  }
}
