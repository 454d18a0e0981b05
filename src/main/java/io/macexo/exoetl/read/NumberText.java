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
    long scanned = scanPlain(text, i, to);
    if (scanned == NOT_PLAIN) {
      return isNan(text, from, to) ? Double.NaN : slow(text, from, to);
    }
    long mantissa = scanned >>> FRACTION_BITS;
    int fractionDigits = (int) (scanned & FRACTION_MASK);
    if (mantissa > EXACT_MANTISSA) {
      return slow(text, from, to);
    }
    double value = fractionDigits > 0 ? mantissa / POWERS_OF_TEN[fractionDigits] : mantissa;
    return negative ? -value : value;
  }

  /** What {@link #scanPlain} returns for anything but 1 to 17 digits with at most one dot. */
  private static final long NOT_PLAIN = -1;

  private static final int FRACTION_BITS = 5;
  private static final long FRACTION_MASK = (1 << FRACTION_BITS) - 1;

  /**
   * Reads unsigned plain decimal digits ({@code 31.044999999999998}, {@code 5}, {@code .5}) in one
   * pass, shared by {@link #parse} and {@link #step}. Returns the digits as an integer and the
   * number of fraction digits packed in one long (the integer above {@value #FRACTION_BITS} bits,
   * the count below; 17 digits fit), or {@link #NOT_PLAIN}.
   */
  private static long scanPlain(byte[] text, int from, int to) {
    long mantissa = 0;
    int digits = 0;
    int fractionDigits = -1;
    for (int i = from; i < to; i++) {
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
        return NOT_PLAIN;
      }
    }
    if (digits == 0 || digits > 17) {
      return NOT_PLAIN;
    }
    return mantissa << FRACTION_BITS | Math.max(fractionDigits, 0);
  }

  /** Returned by {@link #step} for text that is not a finite number. */
  public static final long NO_STEP = Long.MIN_VALUE;

  /** Steps beyond this (a billion samples) take the general path; the margin below needs it. */
  private static final long LARGEST_EXACT_STEP = 1_000_000_000L;

  /**
   * The time step of a time field: exactly {@code Math.round(Double.parseDouble(text) * rateHz)},
   * or {@link #NO_STEP} when the text is not a finite number.
   *
   * <p>Why a second path: exo files spell time with 17 significant digits ({@code
   * 31.044999999999998}, float noise of the recording software), above the 2^53 that {@link #parse}
   * handles exactly, and {@code Double.parseDouble} on those was 9 % of the job. Here the decimal
   * digits give the exact product {@code value * rateHz} as an integer part and a remainder. The
   * double route differs from that exact product by a relative 2^-51 at most (one rounding when
   * parsing, one when multiplying), far below the margin, so whenever the exact fraction is not
   * within 10^-5 of one half, both round to the same step. Near a half, or for longer texts,
   * exponents, signs and large values, it falls back to the double route itself.
   */
  public static long step(byte[] text, int from, int to, int rateHz) {
    while (from < to && text[from] == ' ') {
      from++;
    }
    while (to > from && (text[to - 1] == ' ' || text[to - 1] == '\r')) {
      to--;
    }
    long scanned = scanPlain(text, from, to);
    long mantissa = scanned >>> FRACTION_BITS;
    int fractionDigits = (int) (scanned & FRACTION_MASK);
    if (scanned == NOT_PLAIN || mantissa <= EXACT_MANTISSA || fractionDigits > 16) {
      // Short texts parse exactly and fast already; signs, exponents and words are rare.
      return stepOfDouble(text, from, to, rateHz);
    }
    long scale = (long) POWERS_OF_TEN[fractionDigits];
    long whole = mantissa / scale;
    if (rateHz <= 0 || rateHz >= 900 || whole >= LARGEST_EXACT_STEP) {
      return stepOfDouble(text, from, to, rateHz);
    }
    // remainder * rateHz < 10^16 * rateHz: no overflow for rates below 900 Hz.
    long scaledRemainder = (mantissa % scale) * rateHz;
    long floor = whole * rateHz + scaledRemainder / scale;
    long twiceFraction = 2 * (scaledRemainder % scale);
    long margin = scale / 100_000;
    if (floor >= LARGEST_EXACT_STEP || Math.abs(twiceFraction - scale) <= margin) {
      return stepOfDouble(text, from, to, rateHz);
    }
    return twiceFraction > scale ? floor + 1 : floor;
  }

  private static long stepOfDouble(byte[] text, int from, int to, int rateHz) {
    double time = parse(text, from, to);
    if (isBad(time) || !Double.isFinite(time)) {
      return NO_STEP;
    }
    return Math.round(time * rateHz);
  }

  /**
   * {@code NaN} or {@code nan}: gaps in the sensor columns are spelled so, often enough (a tenth of
   * some files' cells) that a String per gap showed in the profile.
   */
  private static boolean isNan(byte[] text, int from, int to) {
    // ASCII letters OR 0x20 are lower case.
    return to - from == 3
        && (text[from] | 0x20) == 'n'
        && (text[from + 1] | 0x20) == 'a'
        && (text[from + 2] | 0x20) == 'n';
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
