package io.macexo.exoetl.report;

import java.time.Duration;
import java.util.Locale;

/**
 * Number, size and duration formatting for the report, independent of the machine's locale (a
 * report made in Germany must not print {@code 1,5 MB}).
 */
final class Formats {
  private Formats() {}

  /** Bytes in the largest unit that keeps the number at or above 1: {@code 33.2 MB}. */
  static String bytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KB", "MB", "GB", "TB"};
    double value = bytes / 1024.0;
    int unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }

  /** A wall time as {@code 27.0 s}, {@code 4 min 05 s} or {@code 1 h 02 min}. */
  static String duration(Duration duration) {
    long seconds = duration.getSeconds();
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
    if (seconds < 3600) {
      return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
    }
    return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, (seconds % 3600) / 60);
  }

  /** A measurement with about four significant digits, NaN as an em dash. */
  static String number(double value) {
    if (Double.isNaN(value)) {
      return "\u2014";
    }
    double magnitude = Math.abs(value);
    if (magnitude != 0 && (magnitude >= 1e6 || magnitude < 1e-3)) {
      return String.format(Locale.ROOT, "%.3g", value);
    }
    if (magnitude >= 1000) {
      return String.format(Locale.ROOT, "%.0f", value);
    }
    String digits = String.format(Locale.ROOT, magnitude >= 100 ? "%.1f" : "%.3f", value);
    return digits.replaceAll("0+$", "").replaceAll("\\.$", "");
  }

  /**
   * An axis label: whole numbers without decimals ({@code -1500}, {@code 0}), others as numbers.
   */
  static String tick(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e9) {
      return Long.toString((long) value);
    }
    return number(value);
  }

  /** A count with thousands separators: {@code 30,801}. */
  static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  /** A share in percent with one decimal: {@code 12.5 %}. */
  static String percent(double share) {
    return Double.isNaN(share) ? "\u2014" : String.format(Locale.ROOT, "%.1f %%", share * 100);
  }

  /** A coordinate for SVG: two decimals, no exponent, no locale. */
  static String coordinate(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }
}
