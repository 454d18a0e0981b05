package io.macexo.exoetl.read;

/**
 * Parses one CSV field as a double the way the Phase1 files spell numbers: an empty field and
 * {@code NaN}/{@code nan} are NaN (both spellings occur), {@code inf}/{@code Infinity} with a sign
 * are infinite, anything else must be a decimal number.
 */
public final class NumberText {
  /** Returned for text that is not a number; callers compare by identity with {@link #isBad}. */
  private static final double BAD = Double.longBitsToDouble(0x7ff8dead0000beefL);

  private NumberText() {}

  /** The value of {@code text[from, to)}, or a marker that {@link #isBad} recognises. */
  static double parse(String text, int from, int to) {
    while (from < to && text.charAt(from) == ' ') {
      from++;
    }
    while (to > from && (text.charAt(to - 1) == ' ' || text.charAt(to - 1) == '\r')) {
      to--;
    }
    if (from == to) {
      return Double.NaN;
    }
    char first = text.charAt(from);
    if ((first >= '0' && first <= '9') || first == '-' || first == '+' || first == '.') {
      String field = text.substring(from, to);
      try {
        return Double.parseDouble(field);
      } catch (NumberFormatException e) {
        return special(field);
      }
    }
    return special(text.substring(from, to));
  }

  /** Powers of ten that are exact doubles. */
  private static final double[] POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };

  private static final long EXACT_MANTISSA = 1L << 53;

  /**
   * The value of ASCII bytes {@code [from, to)}. Plain decimals ({@code -12.345678}) with at most
   * 15 or 16 significant digits take a fast path: the digits as an integer divided by a power of
   * ten, both exact doubles, so the one division is correctly rounded and equals {@link
   * Double#parseDouble}. Anything else (exponents, long digit runs, NaN, inf, text) goes the slow,
   * general way.
   */
  public static double parse(byte[] text, int from, int to) {
    while (from < to && text[from] == ' ') {
      from++;
    }
    while (to > from && (text[to - 1] == ' ' || text[to - 1] == '\r')) {
      to--;
    }
    if (from == to) {
      return Double.NaN;
    }
    int i = from;
    boolean negative = text[i] == '-';
    if (negative || text[i] == '+') {
      i++;
    }
    long mantissa = 0;
    int fractionDigits = -1;
    int digits = 0;
    for (; i < to; i++) {
      byte c = text[i];
      if (c >= '0' && c <= '9') {
        mantissa = mantissa * 10 + (c - '0');
        digits++;
        if (fractionDigits >= 0) {
          fractionDigits++;
        }
      } else if (c == '.' && fractionDigits < 0) {
        fractionDigits = 0;
      } else {
        return slow(text, from, to);
      }
    }
    if (digits == 0
        || digits > 18
        || mantissa > EXACT_MANTISSA
        || fractionDigits >= POWERS_OF_TEN.length) {
      return slow(text, from, to);
    }
    double value = fractionDigits > 0 ? mantissa / POWERS_OF_TEN[fractionDigits] : mantissa;
    return negative ? -value : value;
  }

  private static double slow(byte[] text, int from, int to) {
    String field = new String(text, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1);
    return parse(field, 0, field.length());
  }

  public static boolean isBad(double value) {
    return Double.doubleToRawLongBits(value) == Double.doubleToRawLongBits(BAD);
  }

  private static double special(String field) {
    String lower = field.toLowerCase(java.util.Locale.ROOT);
    return switch (lower) {
      case "nan", "-nan", "+nan" -> Double.NaN;
      case "inf", "+inf", "infinity", "+infinity" -> Double.POSITIVE_INFINITY;
      case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
      default -> BAD;
    };
  }
}
