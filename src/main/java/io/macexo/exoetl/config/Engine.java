package io.macexo.exoetl.config;

import java.util.Locale;

/** How prepare turns files into trials. Both give the same rows and the same rejects. */
public enum Engine {
  /**
   * Each task reads a trial's three files, checks and joins them in memory and emits one row: no
   * shuffle of sensor rows. The default; see docs/performance.md.
   */
  PER_TRIAL,
  /**
   * One row per CSV line, validation as DataFrame expressions, a full outer join on the timestep
   * and a group-by per trial: two shuffles of every row. The reference the per-trial engine is
   * tested against.
   */
  DATAFRAME;

  /** Parses {@code per-trial} or {@code dataframe}. */
  public static Engine parse(String value, String source) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(source, "must be per-trial or dataframe, not '" + value + "'");
    }
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
