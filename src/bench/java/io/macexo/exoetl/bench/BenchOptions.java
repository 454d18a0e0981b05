package io.macexo.exoetl.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * What one {@code exo-etl bench} run measures and where it keeps its files. Checks itself: a bad
 * value throws {@link IllegalArgumentException} naming the field.
 *
 * @param home the exo-etl installation: holds {@code bin/exo-etl}, which every prepare run goes
 *     through, and {@value PandasContender#SCRIPT}
 * @param corpus folder of the reused synthetic corpus; its CSV tree is {@code corpus/Parsed}
 * @param corpusShape participants, trials and scale the corpus is generated with
 * @param runs timed runs of each contender, alternating
 * @param threads cores every contender may use: Spark's {@code local[T]}, DuckDB's {@code SET
 *     threads}, the floor's pool
 * @param pandasTrials trials the pandas baseline reads (a spread subset, extrapolated per byte); 0
 *     skips it
 * @param linearitySizesGigabytes corpus sizes for the prepare linearity check; empty skips it
 * @param profile whether to run prepare once more under Java Flight Recorder
 * @param discoveryCheck whether to time discovery on a 1,669-trial tree of tiny files
 * @param work scratch folder for outputs, logs and child results
 * @param report the Markdown file the dated section is appended to
 * @param python the Python interpreter with pandas (Debian's, not a pyenv one)
 */
public record BenchOptions(
    Path home,
    Path corpus,
    CorpusShape corpusShape,
    int runs,
    int threads,
    int pandasTrials,
    List<Double> linearitySizesGigabytes,
    boolean profile,
    boolean discoveryCheck,
    Path work,
    Path report,
    String python) {
  public static final Path DEFAULT_CORPUS = Path.of("target", "bench", "corpus");
  public static final Path DEFAULT_WORK = Path.of("target", "bench", "work");
  public static final Path DEFAULT_REPORT = Path.of("docs", "performance.md");
  public static final int DEFAULT_RUNS = 3;
  public static final int DEFAULT_PANDAS_TRIALS = 36;
  public static final String DEFAULT_PYTHON = "/usr/bin/python3";

  public BenchOptions {
    if (home == null || corpus == null || corpusShape == null || work == null || report == null) {
      throw new IllegalArgumentException("home, corpus, corpusShape, work and report are required");
    }
    if (runs < 1) {
      throw new IllegalArgumentException("runs must be at least 1, not " + runs);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, not " + threads);
    }
    if (pandasTrials < 0) {
      throw new IllegalArgumentException("pandasTrials must be 0 or more, not " + pandasTrials);
    }
    linearitySizesGigabytes = List.copyOf(linearitySizesGigabytes);
    for (double size : linearitySizesGigabytes) {
      if (!(size > 0)) {
        throw new IllegalArgumentException("linearity sizes must be above 0 GB, not " + size);
      }
    }
  }

  /** The CSV tree of the corpus. */
  public Path corpusTree() {
    return corpus.resolve("Parsed");
  }
}
