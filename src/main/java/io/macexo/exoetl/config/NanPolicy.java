package io.macexo.exoetl.config;

import java.util.Locale;

/** What to do with NaN in a selected column. */
public enum NanPolicy {
  /** NaN stays NaN in the arrays; training code masks it. */
  KEEP,
  /** A trial with any NaN is rejected with reason NAN. */
  REJECT;

  /** Parses {@code keep} or {@code reject}, naming the source of the value when it is neither. */
  public static NanPolicy parse(String value, String source) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(source, "must be keep or reject, not '" + value + "'");
    }
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
