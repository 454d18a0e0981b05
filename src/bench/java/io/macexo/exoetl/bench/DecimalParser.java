package io.macexo.exoetl.bench;

import io.macexo.exoetl.read.NumberText;
import java.nio.charset.StandardCharsets;

/**
 * Number parsing for the parse floor. The fast variant is the job's own byte-level parser ({@link
 * NumberText}: an exact fast path for plain decimals, {@link Double#parseDouble} otherwise), so the
 * floor measures the parsing any implementation must do with the same code the job runs; text that
 * is not a number reads as NaN here. The JDK variant builds a String per field, for comparison.
 */
final class DecimalParser {
  private DecimalParser() {}

  /** The value of {@code bytes[from, to)}. */
  static double parse(byte[] bytes, int from, int to) {
    double value = NumberText.parse(bytes, from, to);
    return NumberText.isBad(value) ? Double.NaN : value;
  }

  /**
   * The job's way, for comparison: a String per field and {@link Double#parseDouble}; empty and
   * {@code NaN} are NaN without an exception.
   */
  static double parseWithJdk(byte[] bytes, int from, int to) {
    while (to > from && (bytes[to - 1] == ' ' || bytes[to - 1] == '\r')) {
      to--;
    }
    if (from == to || bytes[from] == 'N' || bytes[from] == 'n') {
      return Double.NaN;
    }
    return slowPath(bytes, from, to);
  }

  /** Double.parseDouble, with NaN for the spellings the Phase1 files use. */
  static double slowPath(byte[] bytes, int from, int to) {
    String text = new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
