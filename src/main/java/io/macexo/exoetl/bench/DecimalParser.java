package io.macexo.exoetl.bench;

import java.nio.charset.StandardCharsets;

/**
 * Parses a number straight from the bytes of a CSV field, the way the parse floor needs it: no
 * String, no char decoding. Plain decimals ({@code -12.345678}, {@code 41.76000000000001}) take
 * Clinger's fast path: the digits as a long of at most 2^53, divided by an exact power of ten of at
 * most 10^22; one correctly rounded division of two exact doubles, so the result equals {@link
 * Double#parseDouble} bit for bit. Anything else (an exponent, more digits) falls back to {@link
 * Double#parseDouble}. An empty field and {@code NaN} are NaN, as in the job.
 */
final class DecimalParser {
  private static final long FAST_PATH_LIMIT = 1L << 53;
  private static final int MOST_SIGNIFICANT_DIGITS = 18;
  private static final double[] POWERS_OF_TEN = powersOfTen(22);

  private DecimalParser() {}

  /** The value of {@code bytes[from, to)}. */
  static double parse(byte[] bytes, int from, int to) {
    while (from < to && bytes[from] == ' ') {
      from++;
    }
    while (to > from && (bytes[to - 1] == ' ' || bytes[to - 1] == '\r')) {
      to--;
    }
    if (from == to) {
      return Double.NaN;
    }
    int index = from;
    boolean negative = false;
    if (bytes[index] == '-' || bytes[index] == '+') {
      negative = bytes[index] == '-';
      index++;
    }
    long digits = 0;
    boolean anyDigit = false;
    int significant = 0;
    int fractionDigits = -1;
    for (; index < to; index++) {
      byte next = bytes[index];
      if (next >= '0' && next <= '9') {
        anyDigit = true;
        if (digits != 0 || next != '0') {
          significant++;
        }
        digits = digits * 10 + (next - '0');
        if (fractionDigits >= 0) {
          fractionDigits++;
        }
        if (significant > MOST_SIGNIFICANT_DIGITS) {
          return slowPath(bytes, from, to);
        }
      } else if (next == '.' && fractionDigits < 0) {
        fractionDigits = 0;
      } else {
        return slowPath(bytes, from, to);
      }
    }
    int scale = Math.max(fractionDigits, 0);
    if (!anyDigit || digits > FAST_PATH_LIMIT || scale >= POWERS_OF_TEN.length) {
      return slowPath(bytes, from, to);
    }
    double value = scale == 0 ? digits : digits / POWERS_OF_TEN[scale];
    return negative ? -value : value;
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

  private static double[] powersOfTen(int largest) {
    double[] powers = new double[largest + 1];
    double power = 1;
    for (int exponent = 0; exponent <= largest; exponent++) {
      powers[exponent] = power;
      power *= 10;
    }
    return powers;
  }
}
