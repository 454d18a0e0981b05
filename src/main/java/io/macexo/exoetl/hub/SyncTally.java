package io.macexo.exoetl.hub;

import io.macexo.exoetl.hub.SyncPlan.CommitBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Counters of one sync run, turned into its {@link SyncReport} at the end. */
final class SyncTally {
  private final int unchanged;
  private final List<String> commitUrls = new ArrayList<>();
  private int inline;
  private int deleted;
  private int uploadedFiles;
  private long uploadedBytes;
  private int alreadyStored;
  private Duration transferTime = Duration.ZERO;
  private String finalCommit;
  private String tag;

  SyncTally(int unchanged) {
    this.unchanged = unchanged;
  }

  void committed(CommitBatch batch, String url, Map<String, UploadMode> modes) {
    commitUrls.add(url);
    deleted += batch.deletes().size();
    inline +=
        (int) batch.adds().stream().filter(file -> !CommitOperations.isLfs(file, modes)).count();
  }

  void uploaded(LfsUploader uploader) {
    uploadedFiles = uploader.uploadedFiles();
    uploadedBytes = uploader.uploadedBytes();
    alreadyStored = uploader.alreadyStored();
    transferTime = uploader.transferTime();
  }

  void finished(String commit, String tagName) {
    finalCommit = commit;
    tag = tagName;
  }

  SyncReport report(boolean dryRun, int requests, Duration elapsed) {
    return new SyncReport(
        dryRun,
        uploadedFiles,
        uploadedBytes,
        alreadyStored,
        inline,
        unchanged,
        deleted,
        commitUrls,
        finalCommit,
        tag,
        requests,
        elapsed,
        transferTime);
  }
}
