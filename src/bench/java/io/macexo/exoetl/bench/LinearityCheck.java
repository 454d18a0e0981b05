package io.macexo.exoetl.bench;

import io.macexo.exoetl.config.ConfigLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Does prepare's time grow linearly with the input? K prepare runs (the bench's --runs) per
 * requested size on a corpus of that size (same participants and scale as the main corpus, more or
 * fewer trials; generated once under the work folder and reused), reported as seconds per GB next
 * to the main corpus's median.
 */
final class LinearityCheck {
  private LinearityCheck() {}

  /** One size: its label, input bytes, trials, and prepare's wall and own time. */
  record Point(String label, long bytes, int trials, double wallSeconds, double innerSeconds) {}

  static List<Point> run(
      BenchOptions options, TrialManifest mainCorpus, java.io.PrintStream progress)
      throws Exception {
    List<Point> points = new ArrayList<>();
    double bytesPerTrial = (double) mainCorpus.bytes() / mainCorpus.entries().size();
    int participants = options.corpusShape().participants().size();
    for (double gigabytes : options.linearitySizesGigabytes()) {
      int trials = (int) Math.max(1, Math.round(gigabytes * 1e9 / bytesPerTrial / participants));
      CorpusShape shape =
          new CorpusShape(
              options.corpusShape().participants(), trials, options.corpusShape().scale());
      String label = gigabytes + " GB";
      Path corpus = options.work().resolve("linearity-" + gigabytes + "GB");
      progress.println(BenchRun.timestamp() + " linearity: corpus " + label + " in " + corpus);
      BenchCorpus.Outcome outcome = BenchCorpus.ensure(corpus, shape);
      TrialManifest manifest = TrialManifest.discover(outcome.tree(), ConfigLoader.defaults());
      PrepareContender prepare =
          new PrepareContender(
              options.home(),
              outcome.tree(),
              options.work().resolve("linearity-" + gigabytes + "GB-run"),
              options.threads(),
              manifest.bytes());
      List<RunRecord> runs = new ArrayList<>();
      for (int round = 1; round <= options.runs(); round++) {
        RunRecord run = prepare.run(round);
        runs.add(run);
        progress.printf(
            java.util.Locale.ROOT,
            "%s linearity: %s, %d trials, prepare %.1f s%n",
            BenchRun.timestamp(),
            label,
            manifest.entries().size(),
            run.wallSeconds());
      }
      points.add(
          new Point(
              label,
              manifest.bytes(),
              manifest.entries().size(),
              Statistics.median(runs, RunRecord::wallSeconds),
              Statistics.median(runs, RunRecord::innerSeconds)));
      Folders.delete(prepare.output());
    }
    return points;
  }
}
