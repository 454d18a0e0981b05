package io.macexo.exoetl.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The seed team's approach, for the record: {@value #SCRIPT} reads each trial's three files with
 * pandas, one trial after another on one core, and builds Python lists, as the public pipeline
 * (PHASE1.md) does. It is slow, so it reads an evenly spread subset of the trials; the report
 * extrapolates its time per byte to the whole corpus and says so.
 */
final class PandasContender implements Contender {
  /** The baseline script, relative to the installation folder. */
  static final String SCRIPT = "src/bench/python/pandas_baseline.py";

  private final String python;
  private final Path script;
  private final Path subsetManifest;
  private final long subsetBytes;
  private final Path work;

  /**
   * @param python the interpreter with pandas, e.g. Debian's /usr/bin/python3
   * @param script {@value #SCRIPT} in the installation
   * @param subsetManifest the trials to read
   * @param subsetBytes their bytes in the three read files
   */
  PandasContender(String python, Path script, Path subsetManifest, long subsetBytes, Path work) {
    this.python = python;
    this.script = script;
    this.subsetManifest = subsetManifest;
    this.subsetBytes = subsetBytes;
    this.work = work;
  }

  /** Why pandas cannot run, or empty when it can: the interpreter must exist and import pandas. */
  static java.util.Optional<String> unavailable(String python, Path script, Path work)
      throws InterruptedException {
    if (!Files.isRegularFile(script)) {
      return java.util.Optional.of("no script at " + script);
    }
    try {
      MeasuredProcess.Measurement check =
          MeasuredProcess.run(
              List.of(python, "-c", "import pandas"), Map.of(), work.resolve("pandas-check.log"));
      return check.exitCode() == 0
          ? java.util.Optional.empty()
          : java.util.Optional.of(
              python
                  + " cannot import pandas (install Debian's python3-pandas: apt-get install -y"
                  + " python3-pandas)");
    } catch (IOException e) {
      return java.util.Optional.of("cannot start " + python + ": " + e.getMessage());
    }
  }

  @Override
  public String name() {
    return "pandas";
  }

  @Override
  public String description() {
    return SCRIPT
        + ": pandas.read_csv per file, trial after trial, one core,"
        + " lists kept in memory (a subset, extrapolated per byte)";
  }

  @Override
  public RunRecord run(int round) throws IOException, InterruptedException {
    Path result = work.resolve("pandas-" + round + ".properties");
    Files.deleteIfExists(result);
    MeasuredProcess.Measurement measurement =
        MeasuredProcess.run(
            List.of(
                python,
                script.toString(),
                "--manifest",
                subsetManifest.toAbsolutePath().toString(),
                "--result",
                result.toAbsolutePath().toString()),
            Map.of(),
            work.resolve("pandas-" + round + ".log"));
    if (measurement.exitCode() != 0 || !Files.isRegularFile(result)) {
      throw new IOException(
          "Cannot run the pandas baseline: exit code "
              + measurement.exitCode()
              + "; last lines of "
              + measurement.log()
              + ":\n"
              + MeasuredProcess.tail(measurement.log(), 20));
    }
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(result)) {
      properties.load(in);
    }
    return new RunRecord(
        name(),
        round,
        measurement.wallSeconds(),
        Double.parseDouble(properties.getProperty("seconds")),
        measurement.cpuSeconds(),
        measurement.peakResidentBytes(),
        0,
        subsetBytes,
        0);
  }
}
