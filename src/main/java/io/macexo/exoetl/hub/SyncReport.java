package io.macexo.exoetl.hub;

import java.time.Duration;
import java.util.List;

/**
 * What a sync did, for the summary line and for tests.
 *
 * @param filesUploaded LFS objects whose bytes were sent (stored objects are not counted)
 * @param bytesUploaded their bytes
 * @param filesAlreadyStored changed files whose objects the storage already held (a resumed run)
 * @param filesInline small files sent inside a commit
 * @param filesUnchanged files the remote already had with the same bytes
 * @param commitUrls one per commit made, in order
 * @param requests HTTP requests sent, retries included
 */
public record SyncReport(
    boolean dryRun,
    int filesUploaded,
    long bytesUploaded,
    int filesAlreadyStored,
    int filesInline,
    int filesUnchanged,
    int filesDeleted,
    List<String> commitUrls,
    int requests,
    Duration elapsed) {
  public SyncReport {
    commitUrls = List.copyOf(commitUrls);
  }

  /** Upload rate in MB/s over the whole run (hashing and commits included). */
  public double megabytesPerSecond() {
    double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
    return bytesUploaded / 1e6 / seconds;
  }
}
