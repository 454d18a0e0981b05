package io.macexo.exoetl.read;

/**
 * The decimal grammar of {@link NumberText} beyond plain digits: {@code digits[.digits]} or {@code
 * .digits}, then optionally {@code e} or {@code E}, a sign and digits. Finds the value without the
 * JDK when it can be exact (Clinger's fast path: an integer of at most 53 bits times or divided by
 * a power of ten of at most 22, both exact doubles, so the one operation is correctly rounded and
 * equals {@link Double#parseDouble}); says when the text is a decimal that needs the JDK; and tells
 * the start of a number from a number. Pure, on bytes, allocation-free.
 */
final class Decimal {
  /** What {@link #fastValue} returns for text outside the grammar. */
  private static final double NOT_DECIMAL = Double.longBitsToDouble(0x7ff8dec100000000L);

  /** An exponent beyond this many digits' worth is clamped: the value is 0 or infinite anyway. */
  private static final int EXPONENT_CLAMP = 100_000;

  /** Significant digits that still fit a long exactly (10^18 < 2^63). */
  private static final int LONG_DIGITS = 18;

  private static final long EXACT_MANTISSA = 1L << 53;

  private static final double[] POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };

  private Decimal() {}

  /**
   * The value of unsigned decimal text {@code [from, to)} when the fast path is exact; a plain NaN
   * when the text is a decimal the fast path cannot do exactly (the caller asks the JDK); {@link
   * #isNotDecimal} when the text is not a decimal.
   */
  static double fastValue(byte[] text, int from, int to) {
    long mantissa = 0;
    int significant = 0;
    int digits = 0;
    int fractionDigits = 0;
    boolean dot = false;
    int i = from;
    for (; i < to; i++) {
      byte c = text[i];
      if (c >= '0' && c <= '9') {
        digits++;
        fractionDigits += dot ? 1 : 0;
        // Leading zeros are not significant: 0.000123 is the integer 123.
        if (significant > 0 || c != '0') {
          significant++;
          mantissa = significant <= LONG_DIGITS ? mantissa * 10 + (c - '0') : mantissa;
        }
      } else if (c == '.' && !dot) {
        dot = true;
      } else {
        break;
      }
    }
    if (digits == 0) {
      return NOT_DECIMAL;
    }
    int exponent = 0;
    if (i < to) {
      exponent = exponent(text, i, to);
      if (exponent == NO_EXPONENT) {
        return NOT_DECIMAL;
      }
    }
    if (mantissa == 0) {
      return 0.0;
    }
    if (significant > LONG_DIGITS || mantissa > EXACT_MANTISSA) {
      return Double.NaN;
    }
    int scale = exponent - fractionDigits;
    if (scale >= 0 && scale < POWERS_OF_TEN.length) {
      return mantissa * POWERS_OF_TEN[scale];
    }
    if (scale < 0 && -scale < POWERS_OF_TEN.length) {
      return mantissa / POWERS_OF_TEN[-scale];
    }
    return Double.NaN;
  }

  /** Whether {@link #fastValue} said the text is not a decimal. */
  static boolean isNotDecimal(double value) {
    return Double.doubleToRawLongBits(value) == Double.doubleToRawLongBits(NOT_DECIMAL);
  }

  private static final int NO_EXPONENT = Integer.MIN_VALUE;

  /** The exponent part {@code e[sign]digits} from {@code i} to the end, or {@link #NO_EXPONENT}. */
  private static int exponent(byte[] text, int i, int to) {
    if (text[i] != 'e' && text[i] != 'E') {
      return NO_EXPONENT;
    }
    i++;
    boolean negative = i < to && text[i] == '-';
    if (i < to && (text[i] == '-' || text[i] == '+')) {
      i++;
    }
    if (i == to) {
      return NO_EXPONENT;
    }
    int exponent = 0;
    for (; i < to; i++) {
      byte c = text[i];
      if (c < '0' || c > '9') {
        return NO_EXPONENT;
      }
      exponent = Math.min(exponent * 10 + (c - '0'), EXPONENT_CLAMP);
    }
    return negative ? -exponent : exponent;
  }

  /**
   * Whether {@code [from, to)} (trimmed, not empty) could be the start of a decimal number: an
   * optional sign, digits with at most one dot, and, after at least one digit, {@code e} or {@code
   * E} with an optional sign and digits. True for every number as well.
   */
  static boolean isPrefix(byte[] text, int from, int to) {
    int i = from;
    if (text[i] == '-' || text[i] == '+') {
      i++;
    }
    int digits = 0;
    boolean dot = false;
    for (; i < to; i++) {
      byte c = text[i];
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '.' && !dot) {
        dot = true;
      } else {
        break;
      }
    }
    if (i == to) {
      return true;
    }
    if (digits == 0 || (text[i] != 'e' && text[i] != 'E')) {
      return false;
    }
    i++;
    if (i < to && (text[i] == '-' || text[i] == '+')) {
      i++;
    }
    for (; i < to; i++) {
      if (text[i] < '0' || text[i] > '9') {
        return false;
      }
    }
    return true;
  }
}
