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
 * @param finalCommit the head of the revision after the sync (null for a dry run of a new repo)
 * @param tag the tag put on {@code finalCommit}, or null
 * @param requests HTTP requests sent, retries included
 * @param transferTime wall time from the first upload's start to the last one's end
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
    String finalCommit,
    String tag,
    int requests,
    Duration elapsed,
    Duration transferTime) {
  public SyncReport {
    commitUrls = List.copyOf(commitUrls);
  }

  /** Upload rate in MB/s while bytes were moving (first upload start to last upload end). */
  public double transferMegabytesPerSecond() {
    return bytesUploaded / 1e6 / (Math.max(transferTime.toNanos(), 1_000_000) / 1e9);
  }
}
