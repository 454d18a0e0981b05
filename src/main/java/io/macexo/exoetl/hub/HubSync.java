package io.macexo.exoetl.hub;

import io.macexo.exoetl.model.OutputLayout;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.hadoop.conf.Configuration;

/**
 * Publishes a prepare output to a dataset repo: the one place that sequences the steps. Reads and
 * hashes the output (refusing one without {@code _SUCCESS}); makes sure the repo and branch exist
 * ({@link RepoSetup}); reads the remote snapshot; settles which remote files the sync owns ({@link
 * Ownership}, from the repo's {@link SyncManifest}), refusing a repo with files no sync wrote
 * unless {@code --force}; plans ({@link SyncPlanner}), prints the plan, refuses to delete more than
 * half the remote data without {@code --prune}; and, unless it is a dry run, commits ({@link
 * CommitLoop}) with the uploads running ahead ({@link UploadAhead}), then tags the final commit.
 * Commits go participant by participant, the card and description files last, so between commits
 * and after a crash the Hub serves each participant whole, once, under the card it had. Every step
 * is idempotent, so a killed run is finished by running it again. Runs on the driver; never starts
 * Spark.
 */
public final class HubSync {
  private final HubClient client;
  private final SyncOptions options;
  private final Configuration hadoop;
  private final Waiter waiter;
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
    this.progress = new SyncProgress(out);
    this.waiter = new Waiter(retry, progress::line);
  }

  /** Runs the sync and returns what it did. */
  public SyncReport run() {
    long start = System.nanoTime();
    int requestsBefore = client.requestCount();
    OutputFiles output = OutputFiles.read(options, hadoop, progress);
    List<LocalFile> data = output.data();
    List<LocalFile> descriptions = output.descriptions();
    RepoSetup.Target target = new RepoSetup(client, options, progress).prepare();
    RemoteState remote =
        target.head() == null
            ? RemoteState.empty()
            : client.listAt(options.repo(), target.revision(), target.head());
    Ownership.Decision owned = ownership(remote, output.byPath());
    SyncPlan plan = SyncPlanner.plan(data, descriptions, remote, owned.owned());
    progress.plan(
        plan, remote, where(), CommitLoop.estimate(plan.changes(), options.commitSizing()));
    requireNoMassDeletion(plan);
    SyncTally tally = new SyncTally(plan.unchanged().size());
    String head = remote.headSha();
    if (!options.dryRun()) {
      boolean outdated = !SyncPlanner.sameAsRemote(owned.owned().toFile(), remote);
      head =
          plan.isEmpty() && !outdated ? head : execute(plan, head, owned.owned(), outdated, tally);
    }
    finish(head, tally);
    SyncReport report =
        tally.report(
            options.dryRun(),
            client.requestCount() - requestsBefore,
            Duration.ofNanos(System.nanoTime() - start));
    progress.summary(report);
    return report;
  }

  private String where() {
    return options.repo() + "@" + options.revision();
  }

  private String execute(
      SyncPlan plan, String head, SyncManifest owned, boolean outdated, SyncTally tally) {
    Map<String, UploadMode> modes = uploadModes(plan);
    LfsUploader uploader =
        new LfsUploader(client.lfs(), options.repo(), options.revision(), progress);
    ExecutorService pool = pool(options.parallelUploads());
    try {
      UploadAhead uploads = new UploadAhead(uploader, pool, plan.changes(), modes);
      CommitLoop loop =
          new CommitLoop(
              new CommitLoop.Parts(client, options, waiter, progress, modes, uploads, tally));
      return loop.run(plan.changes(), head, owned, outdated);
    } finally {
      pool.shutdownNow();
      tally.uploaded(uploader);
    }
  }

  /** Tags the final commit when asked, and says which commit the repo is at. */
  private void finish(String head, SyncTally tally) {
    String tag = options.tag();
    if (head == null) {
      tally.finished(null, null);
      return;
    }
    if (tag != null && options.dryRun()) {
      progress.line("A real run would tag its final commit as " + tag);
      tag = null;
    } else if (tag != null) {
      boolean created = client.repos().createTag(options.repo(), head, tag, options.message());
      progress.line((created ? "Tagged " : "Tag already in place: ") + tag + " -> " + head);
      progress.line(
          "  pin it: datasets.load_dataset(\"" + options.repo() + "\", revision=\"" + tag + "\")");
    }
    progress.line("Final commit of " + where() + ": " + head);
    tally.finished(head, tag);
  }

  /**
   * Settles which remote files the sync owns: the manifest is read only when some remote file
   * differs from the output, the card only for a repo without a manifest.
   */
  private Ownership.Decision ownership(RemoteState remote, Map<String, LocalFile> local) {
    SyncManifest manifest = null;
    boolean exoEtlCard = false;
    if (remote.files().containsKey(SyncManifest.PATH)) {
      manifest =
          Ownership.needsManifest(remote, local)
              ? SyncManifest.parse(download(remote, SyncManifest.PATH))
              : SyncManifest.empty();
    } else if (remote.files().containsKey(OutputLayout.CARD)) {
      exoEtlCard = remoteCard(remote, local.get(OutputLayout.CARD)).contains(Ownership.CARD_MARKER);
    }
    Ownership.Decision decision = Ownership.decide(remote, manifest, exoEtlCard, local);
    if (decision.adopted()) {
      progress.line(
          "No sync manifest in "
              + where()
              + ", but README.md is an exo-etl card and data/ holds only the layout earlier"
              + " syncs wrote (data/participant=.../): taking its files as theirs");
    }
    if (decision.foreign().isEmpty()) {
      return decision;
    }
    if (!options.force()) {
      throw HubException.local("sync to " + where(), Ownership.refusal(decision.foreign()));
    }
    progress.line(
        "--force: taking over files no exo-etl sync wrote: "
            + Ownership.listed(decision.foreign()));
    return decision.forced(remote);
  }

  private String remoteCard(RemoteState remote, LocalFile localCard) {
    byte[] bytes;
    if (localCard != null && SyncPlanner.sameAsRemote(localCard, remote)) {
      bytes = CommitOperations.bytes(localCard);
    } else {
      bytes = download(remote, OutputLayout.CARD);
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private byte[] download(RemoteState remote, String path) {
    return client.download(options.repo(), remote.headSha(), path);
  }

  private void requireNoMassDeletion(SyncPlan plan) {
    if (options.prune()
        || options.force()
        || plan.removedDataFiles() * 2L <= plan.remoteDataFiles()) {
      return;
    }
    throw HubException.local(
        "sync to " + where(),
        "it would delete "
            + plan.removedDataFiles()
            + " of the "
            + plan.remoteDataFiles()
            + " data files on the Hub without replacing them (is --output the whole dataset?);"
            + " pass --prune if that is intended");
  }

  /**
   * Preupload tells how the non-Parquet files (the card, the manifest) go; Parquet always goes by
   * LFS. One call for all of them, before the first commit.
   */
  private Map<String, UploadMode> uploadModes(SyncPlan plan) {
    List<LocalFile> others = new ArrayList<>();
    plan.changes().stream()
        .flatMap(change -> change.adds().stream())
        .filter(file -> !file.path().endsWith(OutputLayout.PARQUET))
        .forEach(others::add);
    others.add(SyncManifest.empty().toFile());
    return client.uploadModes(options.repo(), options.revision(), others);
  }

  static ExecutorService pool(int threads) {
    return Executors.newFixedThreadPool(
        threads,
        runnable -> {
          Thread thread = new Thread(runnable, "exo-etl-sync");
          thread.setDaemon(true);
          return thread;
        });
  }
}
