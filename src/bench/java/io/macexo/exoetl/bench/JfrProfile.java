package io.macexo.exoetl.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a Java Flight Recorder file of a prepare run: Java stack samples ({@code
 * jdk.ExecutionSample}) by {@link ProfileCategories bucket}, by running method and by thread;
 * samples of threads in native code ({@code jdk.NativeMethodSample}) by bucket; and the garbage
 * collector's pauses and heap peak. Streams the file event by event (a long run holds hundreds of
 * thousands of samples). JDK 17's {@code jfr} tool has no {@code view hot-methods}; this is that,
 * plus the buckets.
 */
final class JfrProfile {
  private static final int TOP = 25;

  private JfrProfile() {}

  /** One line of a breakdown: what, how many samples, which share of the breakdown's total. */
  record Share(String label, long samples, double percent) {}

  /**
   * What the recording shows.
   *
   * @param heapUsedPeakBytes the largest heap used before a collection
   */
  record Summary(
      double recordingSeconds,
      long executionSamples,
      List<Share> categories,
      List<Share> methods,
      List<Share> threads,
      long nativeSamples,
      List<Share> nativeCategories,
      long collections,
      double pauseSeconds,
      long heapUsedPeakBytes) {}

  static Summary summarise(Path recording) throws IOException {
    Map<String, Long> categories = new HashMap<>();
    Map<String, Long> methods = new HashMap<>();
    Map<String, Long> threads = new HashMap<>();
    Map<String, Long> nativeCategories = new HashMap<>();
    long samples = 0;
    long nativeSamples = 0;
    long collections = 0;
    Duration pauses = Duration.ZERO;
    long heapPeak = 0;
    Instant first = null;
    Instant last = null;
    try (RecordingFile file = new RecordingFile(recording)) {
      while (file.hasMoreEvents()) {
        RecordedEvent event = file.readEvent();
        first = first == null ? event.getStartTime() : first;
        last = event.getEndTime();
        switch (event.getEventType().getName()) {
          case "jdk.ExecutionSample" -> {
            List<String> frames = frames(event.getStackTrace());
            samples++;
            add(categories, ProfileCategories.classify(frames));
            add(methods, frames.isEmpty() ? "(no stack)" : frames.get(0));
            add(threads, threadGroup(event.getThread("sampledThread")));
          }
          case "jdk.NativeMethodSample" -> {
            nativeSamples++;
            add(nativeCategories, ProfileCategories.classify(frames(event.getStackTrace())));
          }
          case "jdk.GarbageCollection" -> {
            collections++;
            pauses = pauses.plus(event.getDuration("sumOfPauses"));
          }
          case "jdk.GCHeapSummary" -> heapPeak = Math.max(heapPeak, event.getLong("heapUsed"));
          default -> {
            // Other events are not part of the summary.
          }
        }
      }
    }
    return new Summary(
        first == null ? 0 : Duration.between(first, last).toMillis() / 1e3,
        samples,
        shares(categories, samples, Integer.MAX_VALUE),
        shares(methods, samples, TOP),
        shares(threads, samples, TOP),
        nativeSamples,
        shares(nativeCategories, nativeSamples, Integer.MAX_VALUE),
        collections,
        pauses.toNanos() / 1e9,
        heapPeak);
  }

  /** Frame names {@code class.method}, running frame first. */
  private static List<String> frames(RecordedStackTrace stack) {
    List<String> names = new ArrayList<>();
    if (stack == null) {
      return names;
    }
    for (RecordedFrame frame : stack.getFrames()) {
      if (frame.getMethod() != null) {
        names.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
      }
    }
    return names;
  }

  /** Thread names without their numbers: Spark's task threads become one line. */
  private static String threadGroup(RecordedThread thread) {
    if (thread == null || thread.getJavaName() == null) {
      return "(unknown)";
    }
    return thread.getJavaName().replaceAll("[0-9]+", "N");
  }

  private static void add(Map<String, Long> counts, String key) {
    counts.merge(key, 1L, Long::sum);
  }

  private static List<Share> shares(Map<String, Long> counts, long total, int limit) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
        .limit(limit)
        .map(
            entry ->
                new Share(
                    entry.getKey(),
                    entry.getValue(),
                    total == 0 ? 0 : 100.0 * entry.getValue() / total))
        .toList();
  }
}
