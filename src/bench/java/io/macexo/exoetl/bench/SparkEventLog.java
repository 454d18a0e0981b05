package io.macexo.exoetl.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads Spark's event log of the profiled prepare run (JSON, one event a line) into one line per
 * stage: wall time, task time, CPU and GC time, shuffle and spill bytes, the largest task's peak
 * execution memory; and the JVM heap peak the executor metrics report per stage (in local mode the
 * driver's JVM, which is also the executor).
 */
final class SparkEventLog {
  private SparkEventLog() {}

  /**
   * One completed stage. Times in seconds, sizes in bytes.
   *
   * @param name the call site Spark names the stage after
   * @param operators the distinct plan operators of its RDDs (e.g. Exchange, SortMergeJoin), which
   *     say more than the call site of an adaptive query stage
   */
  record Stage(
      int id,
      String name,
      String operators,
      int tasks,
      double wallSeconds,
      double taskSeconds,
      double cpuSeconds,
      double gcSeconds,
      long shuffleWriteBytes,
      long shuffleReadBytes,
      long spillBytes,
      long peakExecutionMemoryBytes) {}

  /** The stages in id order and the JVM heap peak over the run (0 when not reported). */
  record Summary(List<Stage> stages, long jvmHeapPeakBytes) {}

  /** Summarises the newest event log file in {@code folder}. */
  static Summary summarise(Path folder) throws IOException {
    Path log;
    try (Stream<Path> files = Files.list(folder)) {
      log =
          files
              .filter(Files::isRegularFile)
              .max(Comparator.comparingLong(SparkEventLog::modified))
              .orElseThrow(() -> new IOException("Cannot find a Spark event log in " + folder));
    }
    ObjectMapper json = new ObjectMapper();
    Map<Integer, Long> taskPeaks = new HashMap<>();
    List<Stage> stages = new ArrayList<>();
    long heapPeak = 0;
    try (BufferedReader reader = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        JsonNode event = json.readTree(line);
        switch (event.path("Event").asText()) {
          case "SparkListenerTaskEnd" ->
              taskPeaks.merge(
                  event.path("Stage ID").asInt(),
                  event.path("Task Metrics").path("Peak Execution Memory").asLong(),
                  Math::max);
          case "SparkListenerStageExecutorMetrics" ->
              heapPeak =
                  Math.max(heapPeak, event.path("Executor Metrics").path("JVMHeapMemory").asLong());
          case "SparkListenerStageCompleted" -> stages.add(stage(event.path("Stage Info")));
          default -> {
            // Other events do not enter the summary.
          }
        }
      }
    }
    List<Stage> withPeaks = new ArrayList<>();
    for (Stage stage : stages) {
      withPeaks.add(
          new Stage(
              stage.id(),
              stage.name(),
              stage.operators(),
              stage.tasks(),
              stage.wallSeconds(),
              stage.taskSeconds(),
              stage.cpuSeconds(),
              stage.gcSeconds(),
              stage.shuffleWriteBytes(),
              stage.shuffleReadBytes(),
              stage.spillBytes(),
              taskPeaks.getOrDefault(stage.id(), 0L)));
    }
    withPeaks.sort(Comparator.comparingInt(Stage::id));
    return new Summary(withPeaks, heapPeak);
  }

  private static Stage stage(JsonNode info) {
    Map<String, Long> metrics = new HashMap<>();
    for (JsonNode accumulable : info.path("Accumulables")) {
      metrics.put(accumulable.path("Name").asText(), accumulable.path("Value").asLong());
    }
    long wall = info.path("Completion Time").asLong() - info.path("Submission Time").asLong();
    return new Stage(
        info.path("Stage ID").asInt(),
        info.path("Stage Name").asText(),
        operators(info.path("RDD Info")),
        info.path("Number of Tasks").asInt(),
        wall / 1e3,
        metrics.getOrDefault("internal.metrics.executorRunTime", 0L) / 1e3,
        metrics.getOrDefault("internal.metrics.executorCpuTime", 0L) / 1e9,
        metrics.getOrDefault("internal.metrics.jvmGCTime", 0L) / 1e3,
        metrics.getOrDefault("internal.metrics.shuffle.write.bytesWritten", 0L),
        metrics.getOrDefault("internal.metrics.shuffle.read.localBytesRead", 0L)
            + metrics.getOrDefault("internal.metrics.shuffle.read.remoteBytesRead", 0L),
        metrics.getOrDefault("internal.metrics.diskBytesSpilled", 0L),
        0);
  }

  /** Distinct operator names from the RDDs' scopes, lowest RDD id first. */
  private static String operators(JsonNode rdds) {
    java.util.TreeMap<Integer, String> byRdd = new java.util.TreeMap<>();
    ObjectMapper json = new ObjectMapper();
    for (JsonNode rdd : rdds) {
      String scope = rdd.path("Scope").asText("");
      if (scope.isEmpty()) {
        continue;
      }
      try {
        byRdd.put(
            rdd.path("RDD ID").asInt(),
            json.readTree(scope).path("name").asText().replaceAll(" \\(\\d+\\)$", ""));
      } catch (IOException e) {
        // A scope that is not JSON names no operator.
      }
    }
    return String.join(" > ", new java.util.LinkedHashSet<>(byRdd.values()));
  }

  private static long modified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }
}
