package io.macexo.exoetl.bench;

import java.nio.file.Path;

/**
 * Prints the profile part of the report for an existing recording and Spark event log folder, so
 * that a recording can be summarised again (e.g. after the buckets change) without running prepare
 * again:
 *
 * <pre>
 * java -cp "target/test-classes:target/classes:$(cat target/test.classpath)" \
 *     io.macexo.exoetl.bench.ProfileSummary \
 *     target/bench/work/prepare.jfr target/bench/work/spark-events WALL_SECONDS
 * </pre>
 */
public final class ProfileSummary {
  private ProfileSummary() {}

  public static void main(String[] arguments) throws Exception {
    if (arguments.length != 3) {
      throw new IllegalArgumentException(
          "usage: ProfileSummary RECORDING.jfr EVENT_LOG_FOLDER WALL_SECONDS");
    }
    Path recording = Path.of(arguments[0]);
    RunRecord run =
        new RunRecord(
            "prepare", 0, Double.parseDouble(arguments[2]), Double.NaN, Double.NaN, 0, 0, 0, 0);
    BenchResults.Profile profile =
        new BenchResults.Profile(
            run,
            JfrProfile.summarise(recording),
            SparkEventLog.summarise(Path.of(arguments[1])),
            recording);
    System.out.println(String.join("\n", ProfileReport.markdown(profile)));
  }
}
