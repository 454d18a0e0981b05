package io.macexo.exoetl.cli;

import io.macexo.exoetl.bench.BenchOptions;
import io.macexo.exoetl.bench.BenchRun;
import io.macexo.exoetl.bench.CorpusShape;
import io.macexo.exoetl.synth.SynthOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code exo-etl bench}: times prepare against a DuckDB peer, a parse floor and the seed team's
 * pandas approach on one reused synthetic corpus, checks that prepare and DuckDB wrote the same
 * dataset, and appends a dated section to docs/performance.md. Flags map onto {@link BenchOptions}.
 */
final class BenchCommand implements Command {
  private static final String CORPUS = "--corpus";
  private static final String SCALE = "--scale";
  private static final String PARTICIPANTS = "--participants";
  private static final String TRIALS = "--trials";
  private static final String RUNS = "--runs";
  private static final String THREADS = "--threads";
  private static final String PANDAS_TRIALS = "--pandas-trials";
  private static final String SIZES = "--sizes";
  private static final String WORK = "--work";
  private static final String REPORT = "--report";
  private static final String PYTHON = "--python";
  private static final String PROFILE = "--profile";
  private static final String NO_DISCOVERY_CHECK = "--no-discovery-check";
  private static final int MOST_RUNS = 100;
  private static final int MOST_THREADS = 1024;

  @Override
  public String name() {
    return "bench";
  }

  @Override
  public String summary() {
    return "time prepare against DuckDB, a parse floor and pandas on a synthetic corpus";
  }

  @Override
  public String usage() {
    return """
        usage: exo-etl bench [--corpus DIR] [--scale F] [--participants LIST] [--trials N] [--runs K]
                             [--threads T] [--pandas-trials N] [--sizes GB,GB] [--profile]
                             [--no-discovery-check] [--work DIR] [--report FILE] [--python PATH]

        Generates a corpus with synth once (no defect trials) and reuses it; then runs, alternating,
        K times each: prepare (bin/exo-etl, its own JVM), the DuckDB peer (its own JVM), the parse
        floor twice (bytes-level and Double.parseDouble) and bench/pandas_baseline.py on a subset.
        Checks that prepare and DuckDB wrote the same rows (fails if not), prints medians, ratios,
        MB/s per core and peak memory, and appends a dated section to the report file.

          --corpus DIR         corpus folder, reused between runs (default %s)
          --scale F            synth scale of the corpus (default %s)
          --participants LIST  synth participants (default all 15)
          --trials N           synth trials per participant (default %d: about 2.2 GB of read files)
          --runs K             timed runs of each contender (default %d)
          --threads T          cores every contender may use (default: all, %d here)
          --pandas-trials N    trials the pandas baseline reads, extrapolated per byte; 0 skips it
                               (default %d)
          --sizes LIST         extra corpus sizes in GB for a prepare linearity check, e.g. 0.5,4
          --profile            one more prepare run under Java Flight Recorder, summarised
          --no-discovery-check skip timing discovery on a 1,669-trial tree of tiny files
          --work DIR           scratch folder for outputs and logs (default %s)
          --report FILE        Markdown file to append to (default %s)
          --python PATH        Python with pandas (default %s, Debian's python3-pandas)

        examples:
          bin/exo-etl bench
          bin/exo-etl bench --profile --sizes 0.5
          bin/exo-etl bench --trials 2 --scale 0.2 --runs 1 --corpus /tmp/small-corpus --report /tmp/perf.md
        """
        .formatted(
            BenchOptions.DEFAULT_CORPUS,
            CorpusShape.DEFAULT_SCALE,
            CorpusShape.DEFAULT_TRIALS,
            BenchOptions.DEFAULT_RUNS,
            Runtime.getRuntime().availableProcessors(),
            BenchOptions.DEFAULT_PANDAS_TRIALS,
            BenchOptions.DEFAULT_WORK,
            BenchOptions.DEFAULT_REPORT,
            BenchOptions.DEFAULT_PYTHON);
  }

  @Override
  public int run(List<String> words, PrintStream out) throws Exception {
    BenchOptions options = parse(words, home());
    out.println(new BenchRun(options, out).execute());
    return ExitCode.DONE;
  }

  /** The installation folder bin/exo-etl passes as {@code -Dexo.home}. */
  private static Path home() {
    String home = System.getProperty("exo.home");
    if (home == null) {
      throw new UsageException(
          "bench starts bin/exo-etl for prepare: run it through bin/exo-etl (exo.home is not set)");
    }
    return Path.of(home).toAbsolutePath();
  }

  static BenchOptions parse(List<String> words, Path home) {
    Args args =
        Args.parse(
            words,
            Set.of(
                CORPUS,
                SCALE,
                PARTICIPANTS,
                TRIALS,
                RUNS,
                THREADS,
                PANDAS_TRIALS,
                SIZES,
                WORK,
                REPORT,
                PYTHON),
            Set.of(PROFILE, NO_DISCOVERY_CHECK));
    List<String> participants = args.listValue(PARTICIPANTS);
    for (String participant : participants) {
      if (!SynthOptions.PHASE1_PARTICIPANTS.contains(participant)) {
        throw new UsageException(
            PARTICIPANTS + ": '" + participant + "' is not a Phase1 participant");
      }
    }
    double scale =
        args.doubleValue(SCALE, CorpusShape.DEFAULT_SCALE, 0, SynthOptions.MAXIMUM_SCALE);
    if (scale == 0) {
      throw new UsageException(SCALE + " must be greater than 0");
    }
    CorpusShape shape =
        new CorpusShape(
            participants.isEmpty() ? SynthOptions.PHASE1_PARTICIPANTS : participants,
            args.intValue(
                TRIALS, CorpusShape.DEFAULT_TRIALS, 1, SynthOptions.MAXIMUM_TRIALS_PER_PARTICIPANT),
            scale);
    return new BenchOptions(
        home,
        resolve(home, args.value(CORPUS).orElse(BenchOptions.DEFAULT_CORPUS.toString())),
        shape,
        args.intValue(RUNS, BenchOptions.DEFAULT_RUNS, 1, MOST_RUNS),
        args.intValue(THREADS, Runtime.getRuntime().availableProcessors(), 1, MOST_THREADS),
        args.intValue(PANDAS_TRIALS, BenchOptions.DEFAULT_PANDAS_TRIALS, 0, Integer.MAX_VALUE),
        sizes(args),
        args.has(PROFILE),
        !args.has(NO_DISCOVERY_CHECK),
        resolve(home, args.value(WORK).orElse(BenchOptions.DEFAULT_WORK.toString())),
        resolve(home, args.value(REPORT).orElse(BenchOptions.DEFAULT_REPORT.toString())),
        args.value(PYTHON).orElse(BenchOptions.DEFAULT_PYTHON));
  }

  private static List<Double> sizes(Args args) {
    List<Double> sizes = new ArrayList<>();
    for (String size : args.listValue(SIZES)) {
      try {
        double gigabytes = Double.parseDouble(size);
        if (!(gigabytes > 0)) {
          throw new UsageException(SIZES + ": sizes must be above 0 GB, not " + size);
        }
        sizes.add(gigabytes);
      } catch (NumberFormatException e) {
        throw new UsageException(SIZES + ": '" + size + "' is not a number of GB");
      }
    }
    return sizes;
  }

  /** A relative path is relative to the installation (bin/exo-etl runs there anyway). */
  private static Path resolve(Path home, String path) {
    return home.resolve(path).toAbsolutePath().normalize();
  }
}
