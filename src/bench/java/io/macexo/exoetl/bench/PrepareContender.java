package io.macexo.exoetl.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code prepare} the way a user does: {@code bin/exo-etl prepare} as its own process (Spark
 * local mode on {@code local[*]}, so driver and executors are one JVM and one memory figure), with
 * only a GC log added through {@code EXO_ETL_JAVA_OPTS}. With fewer threads than cores, a {@code
 * --conf} file sets {@code local[T]}. The output is deleted before each run, so every run writes
 * everything.
 */
final class PrepareContender implements Contender {
  private static final Pattern WALL_TIME = Pattern.compile("wall time: ([0-9.]+) s");

  private final Path home;
  private final Path tree;
  private final Path work;
  private final int threads;
  private final long inputBytes;

  /**
   * @param home the installation with bin/exo-etl
   * @param tree the CSV tree to read
   * @param work scratch folder: output, logs, conf
   * @param threads Spark local threads
   * @param inputBytes the tree's bytes in the three read files
   */
  PrepareContender(Path home, Path tree, Path work, int threads, long inputBytes) {
    this.home = home;
    this.tree = tree;
    this.work = work;
    this.threads = threads;
    this.inputBytes = inputBytes;
  }

  @Override
  public String name() {
    return "prepare";
  }

  @Override
  public String description() {
    return "bin/exo-etl prepare, Spark local[" + threads + "], one JVM (driver = executor)";
  }

  /** The Parquet output of the last run. */
  Path output() {
    return work.resolve("prepare-output");
  }

  @Override
  public RunRecord run(int round) throws IOException, InterruptedException {
    return launch("prepare-" + round, round, List.of(), Map.of());
  }

  /**
   * One unmeasured run before the timed ones. The first {@code bin/exo-etl prepare} after a build
   * records the launcher's class-data archive (about 9 s more, once); a user pays that once per
   * build, so no timed run should.
   */
  void warmUp() throws IOException, InterruptedException {
    launch("prepare-warmup", 0, List.of(), Map.of());
  }

  /**
   * One more run under Java Flight Recorder ({@code settings=profile}: a Java stack sample every 10
   * ms per thread) with Spark's event log on, for the profile; not one of the timed runs.
   */
  RunRecord runProfiled(Path recording, Path eventLogs) throws IOException, InterruptedException {
    Files.createDirectories(eventLogs);
    return launch(
        "prepare-profile",
        0,
        List.of("-XX:StartFlightRecording=filename=" + recording + ",settings=profile"),
        Map.of(
            "spark.eventLog.enabled", "true",
            "spark.eventLog.dir", eventLogs.toUri().toString(),
            "spark.eventLog.compress", "false",
            "spark.eventLog.rolling.enabled", "false",
            "spark.eventLog.logStageExecutorMetrics", "true"));
  }

  private RunRecord launch(
      String name, int round, List<String> jvmOptions, Map<String, String> sparkConf)
      throws IOException, InterruptedException {
    Folders.delete(output());
    Path gcLog = work.resolve(name + ".gc.log");
    Files.deleteIfExists(gcLog);
    List<String> command = new ArrayList<>();
    command.add(home.resolve("bin").resolve("exo-etl").toString());
    command.addAll(List.of("prepare", "--input", tree.toString(), "--output", output().toString()));
    if (threads != Runtime.getRuntime().availableProcessors() || !sparkConf.isEmpty()) {
      command.addAll(List.of("--conf", writeConf(name, sparkConf).toString()));
    }
    List<String> options = new ArrayList<>(List.of(GcLog.option(gcLog)));
    options.addAll(jvmOptions);
    MeasuredProcess.Measurement measurement =
        MeasuredProcess.run(
            command,
            Map.of("EXO_ETL_JAVA_OPTS", String.join(" ", options)),
            work.resolve(name + ".log"));
    if (measurement.exitCode() != 0) {
      throw new IOException(
          "Cannot run prepare: exit code "
              + measurement.exitCode()
              + "; last lines of "
              + measurement.log()
              + ":\n"
              + MeasuredProcess.tail(measurement.log(), 20));
    }
    return new RunRecord(
        name(),
        round,
        measurement.wallSeconds(),
        reportedSeconds(measurement.log()),
        measurement.cpuSeconds(),
        measurement.peakResidentBytes(),
        GcLog.read(gcLog).usedBytes(),
        inputBytes,
        Folders.parquetSize(output().resolve("data")));
  }

  private Path writeConf(String name, Map<String, String> sparkConf) throws IOException {
    StringBuilder text = new StringBuilder();
    text.append("exo-etl.spark.master = \"local[").append(threads).append("]\"\n");
    sparkConf.forEach(
        (key, value) ->
            text.append("exo-etl.spark.conf {\"")
                .append(key)
                .append("\" = \"")
                .append(value)
                .append("\"}\n"));
    Path conf = work.resolve(name + ".conf");
    Files.createDirectories(work);
    Files.writeString(conf, text, StandardCharsets.UTF_8);
    return conf;
  }

  /** The "wall time: 12.3 s" prepare prints; NaN when absent. */
  private static double reportedSeconds(Path log) throws IOException {
    Matcher matcher = WALL_TIME.matcher(Files.readString(log, StandardCharsets.ISO_8859_1));
    double seconds = Double.NaN;
    while (matcher.find()) {
      seconds = Double.parseDouble(matcher.group(1));
    }
    return seconds;
  }
}
