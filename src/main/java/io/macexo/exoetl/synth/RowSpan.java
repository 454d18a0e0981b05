package io.macexo.exoetl.synth;

/**
 * A run of data rows of a file, 0-based after the header: rows {@code start} to {@code start +
 * length - 1}.
 */
record RowSpan(int start, int length) {
  RowSpan {
    if (start < 0 || length < 1) {
      throw new IllegalArgumentException(
          "row span must start at 0 or later and hold a row: " + start + "+" + length);
    }
  }

  /**
   * Every row of a file of {@code rows} rows (at least one, so an empty file still gets a valid
   * span).
   */
  static RowSpan whole(int rows) {
    return new RowSpan(0, Math.max(1, rows));
  }

  boolean contains(int row) {
    return row >= start && row < start + length;
  }
}
