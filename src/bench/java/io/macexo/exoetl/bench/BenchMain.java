package io.macexo.exoetl.bench;

import io.macexo.exoetl.config.ConfigException;
import io.macexo.exoetl.model.ExoEtlException;
import io.macexo.exoetl.synth.SynthOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Entry point of {@code bin/exo-etl bench}, outside the product: it lives in the bench's test
 * source root and runs from target/test-classes with target/test.classpath (DuckDB included), which
 * the launcher puts together. Times prepare against a DuckDB peer, a parse floor and the seed
 * team's pandas approach on one reused synthetic corpus, checks that prepare and DuckDB wrote the
 * same dataset, and appends a dated section to docs/performance.md. Flags map onto {@link
 * BenchOptions}.
 *
 * <p>Exit codes are the product's: 0 done, 1 failed, 2 bad arguments. A mistake is one line naming
 * the flag; {@code --verbose} (or {@code -v}) adds the stack trace.
 */
public final class BenchMain {
  static final int DONE = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  /** The system property bin/exo-etl sets to the installation folder. */
  static final String HOME_PROPERTY = "exo.home";

  private static final String NAME = "exo-etl bench";
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
  private static final Set<String> HELP = Set.of("--help", "-h");
  private static final Set<String> VERBOSE = Set.of("--verbose", "-v");
  private static final int MOST_RUNS = 100;
  private static final int MOST_THREADS = 1024;

  private BenchMain() {}

  public static void main(String[] argv) {
    int code = run(Arrays.asList(argv), System.getProperty(HOME_PROPERTY), System.out, System.err);
    System.out.flush();
    System.exit(code);
  }

  /**
   * Runs a bench command line and returns the exit code; never calls System.exit (tests use this).
   *
   * @param words the arguments after {@code bench}
   * @param home the installation folder ({@value #HOME_PROPERTY}), or null when not set
   */
  static int run(List<String> words, String home, PrintStream out, PrintStream err) {
    boolean verbose = false;
    try {
      BenchArgs args = tokenize(words);
      verbose = VERBOSE.stream().anyMatch(args::has);
      if (HELP.stream().anyMatch(args::has)) {
        out.println(usage());
        return DONE;
      }
      BenchOptions options = options(args, installation(home));
      out.println(new BenchRun(options, out).execute());
      return DONE;
    } catch (BenchUsageException | ConfigException e) {
      err.println(NAME + ": " + e.getMessage());
      printTrace(e, verbose, err);
      return USAGE;
    } catch (ExoEtlException e) {
      // Already one line for people ("Cannot ...", naming the file): printed as is.
      err.println(NAME + ": " + e.getMessage());
      printTrace(e, verbose, err);
      return FAILED;
    } catch (Exception | Error e) {
      err.println(NAME + ": failed: " + describe(e));
      if (!verbose) {
        err.println("(run again with --verbose for the stack trace)");
      }
      printTrace(e, verbose, err);
      return FAILED;
    }
  }

  /** The help text: every flag with its default, and examples. */
  static String usage() {
    return """
        usage: exo-etl bench [--corpus DIR] [--scale F] [--participants LIST] [--trials N] [--runs K]
                             [--threads T] [--pandas-trials N] [--sizes GB,GB] [--profile]
                             [--no-discovery-check] [--work DIR] [--report FILE] [--python PATH]

        Generates a corpus with synth once (no defect trials) and reuses it; then runs, alternating,
        K times each: prepare (bin/exo-etl, its own JVM), the DuckDB peer (its own JVM), the parse
        floor twice (bytes-level and Double.parseDouble) and src/bench/python/pandas_baseline.py on a
        subset. Checks that prepare and DuckDB wrote the same rows (fails if not), prints medians,
        ratios, MB/s per core and peak memory, and appends a dated section to the report file.

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
          --verbose, -v        stack traces on failure

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

  /** Maps a command line onto the options; relative paths are relative to {@code home}. */
  static BenchOptions parse(List<String> words, Path home) {
    return options(tokenize(words), home);
  }

  private static BenchArgs tokenize(List<String> words) {
    Set<String> switches = new HashSet<>(Set.of(PROFILE, NO_DISCOVERY_CHECK));
    switches.addAll(HELP);
    switches.addAll(VERBOSE);
    return BenchArgs.parse(
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
        switches);
  }

  private static BenchOptions options(BenchArgs args, Path home) {
    List<String> participants = args.listValue(PARTICIPANTS);
    for (String participant : participants) {
      if (!SynthOptions.PHASE1_PARTICIPANTS.contains(participant)) {
        throw new BenchUsageException(
            PARTICIPANTS + ": '" + participant + "' is not a Phase1 participant");
      }
    }
    double scale =
        args.doubleValue(SCALE, CorpusShape.DEFAULT_SCALE, 0, SynthOptions.MAXIMUM_SCALE);
    if (scale == 0) {
      throw new BenchUsageException(SCALE + " must be greater than 0");
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

  private static List<Double> sizes(BenchArgs args) {
    List<Double> sizes = new ArrayList<>();
    for (String size : args.listValue(SIZES)) {
      double gigabytes;
      try {
        gigabytes = Double.parseDouble(size);
      } catch (NumberFormatException e) {
        throw new BenchUsageException(SIZES + ": '" + size + "' is not a number of GB");
      }
      if (!(gigabytes > 0)) {
        throw new BenchUsageException(SIZES + ": sizes must be above 0 GB, not " + size);
      }
      sizes.add(gigabytes);
    }
    return sizes;
  }

  /** The installation folder: the bench starts bin/exo-etl from it for every prepare run. */
  private static Path installation(String home) {
    if (home == null || home.isBlank()) {
      throw new BenchUsageException(
          "the bench starts bin/exo-etl for prepare: run it as bin/exo-etl bench ("
              + HOME_PROPERTY
              + " is not set)");
    }
    return Path.of(home).toAbsolutePath();
  }

  /** A relative path is relative to the installation (bin/exo-etl runs there anyway). */
  private static Path resolve(Path home, String path) {
    return home.resolve(path).toAbsolutePath().normalize();
  }

  /** The innermost cause's class and first message line: what a person can act on. */
  static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
    return root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
  }

  private static void printTrace(Throwable e, boolean verbose, PrintStream err) {
    if (verbose) {
      e.printStackTrace(err);
    }
  }
}
