package io.macexo.exoetl.hub;

import io.macexo.exoetl.card.DatasetCard;
import io.macexo.exoetl.hub.SyncPlan.CommitBatch;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.LocatedFileStatus;

/**
 * Publishes a prepare output to a dataset repo: the one place that sequences the steps. Reads and
 * hashes the output (refusing one without {@code _SUCCESS}), creates the repo (409 is fine), reads
 * the remote snapshot, plans with {@link SyncPlanner}, prints the plan, and, unless it is a dry
 * run, commits the batches in order ({@link BatchCommitter}), each only once storage holds all its
 * LFS objects ({@link LfsUploader}). Uploads run on {@link SyncOptions#parallelUploads()} threads
 * and run ahead of the commits by up to {@value #LOOKAHEAD} batches, so sending bytes and
 * committing overlap. Every step is idempotent, so a killed run is finished by running it again.
 * Runs on the driver; never starts Spark.
 */
public final class HubSync {
  /** How many batches past the one being committed may already be uploading. */
  static final int LOOKAHEAD = 2;

  private final HubClient client;
  private final SyncOptions options;
  private final Configuration hadoop;
  private final RetryPolicy retry;
  private final SyncProgress progress;

  public HubSync(
      HubClient client,
      SyncOptions options,
      Configuration hadoop,
      RetryPolicy retry,
      PrintStream out) {
    this.client = client;
    this.options = options;
    this.hadoop = hadoop;
    this.retry = retry;
    this.progress = new SyncProgress(out);
  }

  /** Runs the sync and returns what it did. */
  public SyncReport run() {
    long start = System.nanoTime();
    int requestsBefore = client.requestCount();
    LocalOutput output = LocalOutput.open(options.output(), hadoop);
    output.requireSuccessMarker();
    List<LocalFile> data = hashData(output);
    List<LocalFile> descriptions = new ArrayList<>(List.of(card(output)));
    for (String name : LocalOutput.DESCRIPTIONS) {
      if (output.exists(name)) {
        descriptions.add(output.hashFile(name));
      }
    }
    if (!options.dryRun() && client.createRepo(options.repo(), options.privateRepo())) {
      progress.line(
          "Created dataset repo " + options.repo() + (options.privateRepo() ? " (private)" : ""));
    }
    RemoteState remote = client.remoteState(options.repo(), options.revision());
    SyncPlan plan = SyncPlanner.plan(data, descriptions, remote, options.maxOperations());
    progress.plan(plan, remote, options.repo() + "@" + options.revision());
    Tally tally = new Tally(plan.unchanged().size());
    if (!options.dryRun()) {
      execute(plan, remote.headSha(), tally);
    }
    SyncReport report =
        tally.report(
            options.dryRun(),
            client.requestCount() - requestsBefore,
            Duration.ofNanos(System.nanoTime() - start));
    progress.summary(report);
    return report;
  }

  private void execute(SyncPlan plan, String head, Tally tally) {
    LfsUploader uploader = new LfsUploader(client, options.repo(), options.revision(), progress);
    BatchCommitter committer = new BatchCommitter(client, options, retry, progress);
    Map<String, UploadMode> modes = uploadModes(plan);
    List<CommitBatch> batches = plan.batches();
    List<CompletableFuture<Void>> stored = new ArrayList<>();
    ExecutorService pool = pool(options.parallelUploads());
    try {
      String current = head;
      for (int i = 0; i < batches.size(); i++) {
        while (stored.size() < Math.min(batches.size(), i + 1 + LOOKAHEAD)) {
          List<LocalFile> lfs =
              batches.get(stored.size()).adds().stream()
                  .filter(file -> BatchCommitter.isLfs(file, modes))
                  .toList();
          stored.add(uploader.start(lfs, pool));
        }
        await(stored.get(i));
        BatchCommitter.Outcome outcome = committer.commit(batches.get(i), current, modes);
        current = outcome.head();
        progress.committed(outcome.committed().summary(), outcome.url(), outcome.answerLost());
        tally.committed(outcome, modes);
      }
    } finally {
      pool.shutdownNow();
      tally.uploaded(uploader);
    }
  }

  /** Waits for a batch's uploads; its first failure is rethrown as is. */
  private static void await(CompletableFuture<Void> uploads) {
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

  private static ExecutorService pool(int threads) {
    return Executors.newFixedThreadPool(
        threads,
        runnable -> {
          Thread thread = new Thread(runnable, "exo-etl-sync");
          thread.setDaemon(true);
          return thread;
        });
  }

  /** Preupload tells how the non-Parquet files (the card) go; Parquet always goes by LFS. */
  private Map<String, UploadMode> uploadModes(SyncPlan plan) {
    List<LocalFile> others =
        plan.batches().stream()
            .flatMap(batch -> batch.adds().stream())
            .filter(file -> !file.path().endsWith(".parquet"))
            .toList();
    return others.isEmpty()
        ? Map.of()
        : client.uploadModes(options.repo(), options.revision(), others);
  }

  /** Hashes the data files, several at a time, keeping their sorted order. */
  private List<LocalFile> hashData(LocalOutput output) {
    List<LocatedFileStatus> listed = output.listDataFiles();
    long bytes = listed.stream().mapToLong(LocatedFileStatus::getLen).sum();
    progress.line(
        "Hashing "
            + listed.size()
            + " data files ("
            + SyncProgress.bytes(bytes)
            + ") under "
            + output.uri());
    ExecutorService pool = pool(options.parallelUploads());
    try {
      List<CompletableFuture<LocalFile>> hashes = new ArrayList<>();
      listed.forEach(
          status ->
              hashes.add(CompletableFuture.supplyAsync(() -> output.hash(status, false), pool)));
      List<LocalFile> files = new ArrayList<>();
      for (CompletableFuture<LocalFile> hash : hashes) {
        try {
          files.add(hash.join());
        } catch (CompletionException e) {
          throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
      }
      progress.local(output.uri().toString(), files.size(), bytes);
      return files;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The dataset card, rendered from metadata.json for this repo (so its loading examples name the
   * repo synced to; prepare did not know it); README.md as prepare wrote it when there is no
   * metadata.json to render from.
   */
  private LocalFile card(LocalOutput output) {
    if (output.exists(LocalOutput.METADATA)) {
      String text = DatasetCard.render(output.readMetadata(), options.repo().toString());
      return LocalFile.inMemory(LocalOutput.CARD, text.getBytes(StandardCharsets.UTF_8));
    }
    if (output.exists(LocalOutput.CARD)) {
      return output.hashFile(LocalOutput.CARD);
    }
    throw HubException.local(
        "sync " + output.uri(),
        "no "
            + LocalOutput.CARD
            + " (dataset card) and no "
            + LocalOutput.METADATA
            + " to render one from");
  }

  /** Counters for the report. */
  private static final class Tally {
    private final int unchanged;
    private final List<String> commitUrls = new ArrayList<>();
    private int inline;
    private int deleted;
    private int uploadedFiles;
    private long uploadedBytes;
    private int alreadyStored;
    private Duration transferTime = Duration.ZERO;

    Tally(int unchanged) {
      this.unchanged = unchanged;
    }

    void committed(BatchCommitter.Outcome outcome, Map<String, UploadMode> modes) {
      commitUrls.add(outcome.url());
      deleted += outcome.committed().deletes().size();
      inline +=
          (int)
              outcome.committed().adds().stream()
                  .filter(file -> !BatchCommitter.isLfs(file, modes))
                  .count();
    }

    void uploaded(LfsUploader uploader) {
      uploadedFiles = uploader.uploadedFiles();
      uploadedBytes = uploader.uploadedBytes();
      alreadyStored = uploader.alreadyStored();
      transferTime = uploader.transferTime();
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
          requests,
          elapsed,
          transferTime);
    }
  }
}
