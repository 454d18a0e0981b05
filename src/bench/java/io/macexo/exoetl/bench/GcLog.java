package io.macexo.exoetl.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a JVM's {@code -Xlog:gc:file=...} log (unified logging, JDK 9+): every collection line ends
 * in {@code 1234M->567M(2048M)}, heap used before and after, and committed. The largest "before" is
 * the peak heap occupancy the collector saw (live data plus garbage not yet collected), the usual
 * "heap peak" of a JVM; the largest committed size is what the JVM asked the operating system for.
 */
final class GcLog {
  private static final Pattern TRANSITION =
      Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

  private GcLog() {}

  /** Peaks read from a GC log; zeros when the log is absent or has no collection. */
  record HeapPeaks(long usedBytes, long committedBytes, int collections) {
    static final HeapPeaks NONE = new HeapPeaks(0, 0, 0);
  }

  /** The JVM option that writes such a log. */
  static String option(Path log) {
    return "-Xlog:gc:file=" + log.toAbsolutePath();
  }

  static HeapPeaks read(Path log) throws IOException {
    if (!Files.isRegularFile(log)) {
      return HeapPeaks.NONE;
    }
    long used = 0;
    long committed = 0;
    int collections = 0;
    for (String line : Files.readAllLines(log, StandardCharsets.ISO_8859_1)) {
      Matcher matcher = TRANSITION.matcher(line);
      if (matcher.find()) {
        collections++;
        used = Math.max(used, bytes(matcher.group(1), matcher.group(2)));
        committed = Math.max(committed, bytes(matcher.group(5), matcher.group(6)));
      }
    }
    return new HeapPeaks(used, committed, collections);
  }

  private static long bytes(String number, String unit) {
    long value = Long.parseLong(number);
    return switch (unit) {
      case "K" -> value << 10;
      case "M" -> value << 20;
      default -> value << 30;
    };
  }
}
