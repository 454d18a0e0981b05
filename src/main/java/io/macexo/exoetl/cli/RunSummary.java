package io.macexo.exoetl.cli;

import io.macexo.exoetl.model.IncrementalPlan;
import io.macexo.exoetl.model.PrepareResult;
import io.macexo.exoetl.model.ReasonCode;
import java.io.PrintStream;
import java.util.Map;

/** Prints what a person needs after a prepare run: counts, rejections by reason, sizes, where. */
final class RunSummary {
  private RunSummary() {}

  static void print(PrepareResult result, PrintStream out) {
    IncrementalPlan plan = result.plan();
    if (result.nothingToDo()) {
      out.printf(
          "nothing to do: the output already matches the input (%d participants unchanged)%n",
          plan.with(IncrementalPlan.Change.UNCHANGED).size());
    } else {
      out.printf(
          "participants:    %d new, %d changed, %d unchanged, %d removed, %d kept%n",
          plan.with(IncrementalPlan.Change.NEW).size(),
          plan.with(IncrementalPlan.Change.CHANGED).size(),
          plan.with(IncrementalPlan.Change.UNCHANGED).size(),
          plan.removed().size(),
          plan.kept().size());
    }
    if (!result.migrated().isEmpty()) {
      out.printf(
          "migrated %d participant folders from the old data/participant=ID/ layout to"
              + " data/subject=ID/"
              + " (written by an older exo-etl; its participants are re-processed once)%n",
          result.migrated().size());
    }
    for (String removed : plan.removed()) {
      out.printf(
          "removed participant %s from the output: its folder is gone from the input (--prune)%n",
          removed);
    }
    for (String kept : plan.kept()) {
      out.printf(
          "kept participant %s: its folder is gone from the input; run with --prune to remove it%n",
          kept);
    }
    for (String held : plan.heldBack()) {
      out.printf(
          "kept participant %s as it was: this run could not read trials it had written"
              + " (UNREADABLE_FILE), or found no trial folder in it; the next run reads it again%n",
          held);
    }
    out.printf(
        "trials in output: %d of %d participants%n",
        result.trialsFound(), result.participants().size());
    out.printf("trials written:  %d%n", result.trialsWritten());
    out.printf("trials rejected: %d%n", result.trialsFound() - result.trialsWritten());
    for (Map.Entry<ReasonCode, Long> entry : result.rejectedByReason().entrySet()) {
      out.printf("  %-20s %d%n", entry.getKey().name(), entry.getValue());
    }
    out.printf(
        "input:  %s (%s of CSV read this run)%n", result.input(), bytes(result.inputBytes()));
    out.printf("output: %s (%s of Parquet)%n", result.output(), bytes(result.outputBytes()));
    out.printf("wall time: %.1f s%n", result.wallTime().toMillis() / 1000.0);
    if (!result.nothingToDo()) {
      out.printf("run report: %s/report.html%n", result.output().replaceAll("/$", ""));
    }
  }

  static String bytes(long bytes) {
    if (bytes < 1024 * 1024) {
      return String.format("%.1f KB", bytes / 1024.0);
    }
    if (bytes < 1024L * 1024 * 1024) {
      return String.format("%.1f MB", bytes / (1024.0 * 1024));
    }
    return String.format("%.2f GB", bytes / (1024.0 * 1024 * 1024));
  }
}
