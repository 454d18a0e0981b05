package io.macexo.exoetl.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Starts {@link ContenderMain} in a child JVM: the same {@code java} and class path as this JVM
 * (the bench's, which bin/exo-etl bench builds from target/test-classes, target/classes and the
 * jars of target/test.classpath: so the bench's own classes, DuckDB, Spark and Hadoop, none of
 * which target/lib alone would give since DuckDB is test scope), a GC log for the heap peak, and
 * the JVM's default heap unless told otherwise. Measured by {@link MeasuredProcess}.
 */
final class JavaChild {
  private JavaChild() {}

  /** A finished child: its process measurement, heap peaks and the properties it wrote. */
  record Outcome(MeasuredProcess.Measurement process, GcLog.HeapPeaks heap, Properties result) {}

  /**
   * What to start.
   *
   * @param mode the {@link ContenderMain} mode, e.g. {@code duckdb}
   * @param arguments its {@code key=value} words, without {@code result=}
   * @param jvmOptions extra JVM options, e.g. {@code -Xmx1g}
   */
  record Spec(String mode, List<String> arguments, List<String> jvmOptions) {
    Spec {
      arguments = List.copyOf(arguments);
      jvmOptions = List.copyOf(jvmOptions);
    }
  }

  /**
   * Runs {@code ContenderMain <mode> <arguments> result=<folder>/<name>.properties}; the log, GC
   * log and result file go to {@code folder}, named after {@code name}.
   */
  static Outcome run(Spec spec, Path folder, String name) throws IOException, InterruptedException {
    Files.createDirectories(folder);
    Path gcLog = folder.resolve(name + ".gc.log");
    Path resultFile = folder.resolve(name + ".properties");
    Files.deleteIfExists(gcLog);
    Files.deleteIfExists(resultFile);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(spec.jvmOptions());
    command.add(GcLog.option(gcLog));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ContenderMain.class.getName());
    command.add(spec.mode());
    command.addAll(spec.arguments());
    command.add("result=" + resultFile.toAbsolutePath());
    MeasuredProcess.Measurement measurement =
        MeasuredProcess.run(command, Map.of(), folder.resolve(name + ".log"));
    if (measurement.exitCode() != 0 || !Files.isRegularFile(resultFile)) {
      throw new IOException(
          "Cannot run the "
              + spec.mode()
              + " contender: exit code "
              + measurement.exitCode()
              + "; last lines of "
              + measurement.log()
              + ":\n"
              + MeasuredProcess.tail(measurement.log(), 20));
    }
    Properties result = new Properties();
    try (InputStream in = Files.newInputStream(resultFile)) {
      result.load(in);
    }
    return new Outcome(measurement, GcLog.read(gcLog), result);
  }
}
