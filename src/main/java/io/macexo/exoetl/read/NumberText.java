package io.macexo.exoetl.read;

import java.nio.charset.StandardCharsets;

/**
 * Parses one CSV field as a double, from its bytes. What a field may hold:
 *
 * <ul>
 *   <li>a decimal number: an optional sign, digits with at most one dot (at least one digit), and
 *       an optional exponent ({@code e} or {@code E}, an optional sign, digits). So {@code 12},
 *       {@code -1.5}, {@code +1.5}, {@code .5}, {@code 5.}, {@code 1e-05}, {@code 1E3}. Its value
 *       is exactly {@link Double#parseDouble}'s, bit for bit; a number too large for a double is
 *       infinite, as there. Java's other forms (hexadecimal, a {@code d} or {@code f} suffix) are
 *       not numbers here: no CSV writer makes them, and pandas, R and DuckDB read them as text;
 *   <li>a missing value, NaN: an empty field, {@code NaN} in any letter case with an optional sign
 *       ({@code NaN}, {@code nan}, {@code NAN}, {@code -nan}), or {@code NA} (R's spelling);
 *   <li>an infinity: {@code inf} or {@code infinity} in any letter case, with an optional sign.
 * </ul>
 *
 * <p>Spaces, tabs and line breaks around the text are ignored. Anything else is not a number, which
 * {@link #isBad} tells. Runs on executors; it is the hottest code of the job (docs/performance.md),
 * so the common spellings take fast paths that allocate nothing.
 */
public final class NumberText {
  /** Returned for text that is not a number; callers compare by identity with {@link #isBad}. */
  private static final double BAD = Double.longBitsToDouble(0x7ff8dead0000beefL);

  /** Powers of ten that are exact doubles. */
  private static final double[] POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };

  private static final long EXACT_MANTISSA = 1L << 53;

  private NumberText() {}

  /**
   * The value of ASCII bytes {@code [from, to)}, or a marker that {@link #isBad} recognises. Plain
   * decimals ({@code -12.345678}) with up to 17 digits whose integer fits in 53 bits take the fast
   * path: that integer divided by a power of ten, both exact doubles, so the one division is
   * correctly rounded and equals {@link Double#parseDouble}. Exponents take {@link Decimal}'s path,
   * the missing and infinite spellings {@link #word}.
   */
  public static double parse(byte[] text, int from, int to) {
    while (from < to && isSpace(text[from])) {
      from++;
    }
    while (to > from && isSpace(text[to - 1])) {
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
      return isNan(text, from, to) ? Double.NaN : general(text, from, to, i, negative);
    }
    long mantissa = scanned >>> FRACTION_BITS;
    int fractionDigits = (int) (scanned & FRACTION_MASK);
    if (mantissa > EXACT_MANTISSA) {
      return parseDouble(text, from, to);
    }
    double value = fractionDigits > 0 ? mantissa / POWERS_OF_TEN[fractionDigits] : mantissa;
    return negative ? -value : value;
  }

  /** Whether {@link #parse} returned its marker for text that is not a number. */
  public static boolean isBad(double value) {
    return Double.doubleToRawLongBits(value) == Double.doubleToRawLongBits(BAD);
  }

  /**
   * Whether the text is the start of a decimal number but not a number yet: a sign or a dot alone,
   * or an exponent with no digits ({@code -}, {@code +.}, {@code 1e}, {@code 2.5E-}). The last
   * field of a file that was cut off while a number was being written looks so; a cut that leaves a
   * complete number ({@code 5.} of {@code 5.25}) cannot be told from one.
   */
  static boolean incomplete(byte[] text, int from, int to) {
    while (from < to && isSpace(text[from])) {
      from++;
    }
    while (to > from && isSpace(text[to - 1])) {
      to--;
    }
    return from < to && Decimal.isPrefix(text, from, to) && isBad(parse(text, from, to));
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

  /**
   * Text that is not a plain decimal: a decimal with an exponent or more digits, a word (NaN, NA,
   * inf), or not a number. {@code digits} is where the text after its sign starts.
   */
  private static double general(byte[] text, int from, int to, int digits, boolean negative) {
    if (digits == to) {
      return BAD;
    }
    byte first = text[digits];
    if ((first < '0' || first > '9') && first != '.') {
      return word(text, from, to, digits, negative);
    }
    double value = Decimal.fastValue(text, digits, to);
    if (Decimal.isNotDecimal(value)) {
      return BAD;
    }
    if (Double.isNaN(value)) {
      // A decimal, but beyond the exact fast path: the JDK's correctly rounded parse.
      return parseDouble(text, from, to);
    }
    return negative ? -value : value;
  }

  /** The missing and infinite spellings, recognised on the bytes: no String per NA. */
  private static double word(byte[] text, int from, int to, int letters, boolean negative) {
    boolean signed = letters > from;
    int length = to - letters;
    if (!signed && length == 2 && text[letters] == 'N' && text[letters + 1] == 'A') {
      return Double.NaN;
    }
    if (is(text, letters, to, "nan")) {
      return Double.NaN;
    }
    if (is(text, letters, to, "inf") || is(text, letters, to, "infinity")) {
      return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    return BAD;
  }

  /** Whether the bytes are {@code lowerCase} in any letter case. */
  private static boolean is(byte[] text, int from, int to, String lowerCase) {
    if (to - from != lowerCase.length()) {
      return false;
    }
    for (int i = 0; i < lowerCase.length(); i++) {
      // ASCII letters OR 0x20 are lower case.
      if ((text[from + i] | 0x20) != lowerCase.charAt(i)) {
        return false;
      }
    }
    return true;
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
    while (from < to && isSpace(text[from])) {
      from++;
    }
    while (to > from && isSpace(text[to - 1])) {
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

  /** Blanks around a number: spaces and tabs, and line breaks a quoted field may hold. */
  private static boolean isSpace(byte c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  /** The JDK's parse of text already known to be a decimal number. */
  private static double parseDouble(byte[] text, int from, int to) {
    return Double.parseDouble(new String(text, from, to - from, StandardCharsets.ISO_8859_1));
  }
}
