package io.macexo.exoetl.hub;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The lines a person follows during a sync: what was found locally, the plan, one line per uploaded
 * file or part, one per commit with its URL, and a closing summary. Only paths, sizes and URLs are
 * printed, never the token.
 */
public final class SyncProgress {
  private final PrintStream out;

  public SyncProgress(PrintStream out) {
    this.out = out;
  }

  public void line(String text) {
    out.println(text);
    out.flush();
  }

  public void local(String uri, int files, long bytes) {
    line(
        "Local output "
            + uri
            + ": "
            + files
            + " data files ("
            + bytes(bytes)
            + ") + dataset card and descriptions");
  }

  /**
   * The remote's state and the plan: one line per change (participant, card) with its files.
   *
   * @param commits the commits the plan takes at the starting commit size
   */
  public void plan(SyncPlan plan, RemoteState remote, String target, int commits) {
    line(
        "Remote "
            + target
            + ": "
            + (remote.headSha() == null
                ? "does not exist yet"
                : remote.files().size() + " files at " + remote.headSha()));
    line(
        "Plan: send "
            + count(plan.filesToSend(), "file")
            + " ("
            + bytes(plan.bytesToSend())
            + "), keep "
            + plan.unchanged().size()
            + " unchanged, delete "
            + plan.filesToDelete()
            + ", in "
            + count(commits, "commit")
            + (commits == 0 ? "" : " at the starting size (it adapts)"));
    for (SyncPlan.Change change : plan.changes()) {
      line("  change \"" + new SyncPlan.CommitBatch(List.of(change)).summary() + "\"");
      change.adds().forEach(file -> line("    + " + file.path() + " (" + bytes(file.size()) + ")"));
      change.deletes().forEach(path -> line("    - " + path));
    }
  }

  public void fileDone(String path, long size, long nanos, String how) {
    double seconds = Math.max(nanos, 1) / 1e9;
    line(
        String.format(
            Locale.ROOT,
            "  uploaded %s (%s, %s) in %.2f s, %.1f MB/s",
            path,
            bytes(size),
            how,
            seconds,
            size / 1e6 / seconds));
  }

  public void part(String path, int part, int parts, long size) {
    line("    part " + part + "/" + parts + " of " + path + " (" + bytes(size) + ") sent");
  }

  public void alreadyStored(String path) {
    line("  stored already: " + path + " (not sent again)");
  }

  public void committed(String summary, String url, boolean answerLost) {
    line(
        (answerLost ? "  committed (found on the Hub after a lost answer) " : "  committed ")
            + "\""
            + summary
            + "\": "
            + url);
  }

  public void summary(SyncReport report) {
    if (report.dryRun()) {
      line("Dry run: nothing was written (" + report.requests() + " requests).");
      return;
    }
    String sent =
        report.bytesUploaded() == 0
            ? count(0, "file")
            : String.format(
                Locale.ROOT,
                "%s (%s in %.1f s of transfer, %.1f MB/s)",
                count(report.filesUploaded(), "file"),
                bytes(report.bytesUploaded()),
                report.transferTime().toMillis() / 1000.0,
                report.transferMegabytesPerSecond());
    line(
        String.format(
            Locale.ROOT,
            "Done: uploaded %s, %d already stored, %d inline, %d unchanged, %d deleted, %s, %d requests, %.1f s in all",
            sent,
            report.filesAlreadyStored(),
            report.filesInline(),
            report.filesUnchanged(),
            report.filesDeleted(),
            count(report.commitUrls().size(), "commit"),
            report.requests(),
            report.elapsed().toMillis() / 1000.0));
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** A byte count for people: 512 B, 1.5 kB, 12.3 MB, 4.0 GB (decimal units). */
  public static String bytes(long count) {
    if (count < 1000) {
      return count + " B";
    }
    String[] units = {"kB", "MB", "GB", "TB"};
    double value = count;
    int unit = -1;
    while (value >= 1000 && unit < units.length - 1) {
      value /= 1000;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
