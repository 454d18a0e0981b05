package io.macexo.exoetl.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The checks picocli's annotations cannot express: ranges and comma-separated lists. picocli has
 * already converted the text (a non-number is its one-line error); these throw a {@link
 * UsageException} naming the flag and the value, so Main prints one line and exits 2.
 */
final class FlagChecks {
  private FlagChecks() {}

  /** The value, if {@code min <= value <= max}. */
  static int between(String flag, int value, int min, int max) {
    if (value < min || value > max) {
      throw new UsageException(flag + " must be between " + min + " and " + max + ", not " + value);
    }
    return value;
  }

  /** The value, if {@code min <= value <= max} (NaN is outside every range). */
  static double between(String flag, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new UsageException(flag + " must be between " + min + " and " + max + ", not " + value);
    }
    return value;
  }

  /**
   * The items of a {@code split = ","} option, trimmed, without empty ones: empty when the flag was
   * not given ({@code null}), an error when it was given with nothing in it ({@code --participants
   * ,}).
   */
  static List<String> items(String flag, List<String> values) {
    if (values == null) {
      return List.of();
    }
    List<String> items = new ArrayList<>();
    for (String value : values) {
      if (!value.isBlank()) {
        items.add(value.trim());
      }
    }
    if (items.isEmpty()) {
      throw new UsageException(flag + " must list at least one value");
    }
    return List.copyOf(items);
  }
}
