package io.macexo.exoetl.read;

/**
 * Parses one CSV field as a double the way the Phase1 files spell numbers: an empty field and
 * {@code NaN}/{@code nan} are NaN (both spellings occur), {@code inf}/{@code Infinity} with a sign
 * are infinite, anything else must be a decimal number.
 */
final class NumberText {
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

  static boolean isBad(double value) {
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
