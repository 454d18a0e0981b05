package io.macexo.exoetl.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one child process and measures it: wall time, and peak resident memory from the kernel's
 * high-water mark ({@code VmHWM} in {@code /proc/<pid>/status}), sampled every {@value
 * #SAMPLE_MILLISECONDS} ms. The mark only grows, so the last sample before exit misses at most that
 * much growth. A launcher script that {@code exec}s Java (bin/exo-etl) keeps its pid, so the mark
 * is the JVM's. Output goes to a log file, never a pipe, so a chatty child cannot block.
 */
final class MeasuredProcess {
  static final long SAMPLE_MILLISECONDS = 50;

  private MeasuredProcess() {}

  /** Clock ticks per second of /proc/<pid>/stat times: USER_HZ, 100 on Linux. */
  static final double TICKS_PER_SECOND = 100;

  /** What a finished child did. Memory and CPU are 0 where /proc is unavailable. */
  record Measurement(
      int exitCode, double wallSeconds, double cpuSeconds, long peakResidentBytes, Path log) {}

  static Measurement run(List<String> command, Map<String, String> environment, Path log)
      throws IOException, InterruptedException {
    Files.createDirectories(log.toAbsolutePath().getParent());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    builder.environment().putAll(environment);
    long started = System.nanoTime();
    Process process = builder.start();
    long peak = 0;
    long ticks = 0;
    Path proc = Path.of("/proc", Long.toString(process.pid()));
    while (!process.waitFor(SAMPLE_MILLISECONDS, TimeUnit.MILLISECONDS)) {
      peak = Math.max(peak, highWaterMark(proc.resolve("status")));
      ticks = Math.max(ticks, cpuTicks(proc.resolve("stat")));
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    return new Measurement(process.exitValue(), seconds, ticks / TICKS_PER_SECOND, peak, log);
  }

  /**
   * utime + stime + cutime + cstime of a /proc/<pid>/stat line, or 0. Fields are counted after the
   * closing parenthesis of the command name, which may itself hold spaces.
   */
  static long cpuTicks(Path stat) {
    try {
      String line = Files.readString(stat, StandardCharsets.ISO_8859_1);
      String[] fields = line.substring(line.lastIndexOf(')') + 2).trim().split("\\s+");
      // After the name: state is field 3 of the man page, so utime (14) is index 11 here.
      return Long.parseLong(fields[11])
          + Long.parseLong(fields[12])
          + Long.parseLong(fields[13])
          + Long.parseLong(fields[14]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** The VmHWM line in bytes, or 0 when the process has gone or /proc is absent. */
  static long highWaterMark(Path status) {
    try {
      for (String line : Files.readAllLines(status, StandardCharsets.ISO_8859_1)) {
        if (line.startsWith("VmHWM:")) {
          String[] words = line.substring("VmHWM:".length()).trim().split("\\s+");
          return Long.parseLong(words[0]) * 1024;
        }
      }
    } catch (IOException | NumberFormatException | IndexOutOfBoundsException e) {
      return 0;
    }
    return 0;
  }

  /** The last lines of a log, to put in a failure message. */
  static String tail(Path log, int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
