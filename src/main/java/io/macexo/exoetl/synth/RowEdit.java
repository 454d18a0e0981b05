package io.macexo.exoetl.synth;

/**
 * A deliberate flaw in one data row of a file (0-based after the header): the way defect trials,
 * and the harmless {@code n/a} of a good trial, are written without a second code path for them.
 *
 * @param column the cell to replace, for {@link Kind#CELL_TEXT} only (else empty)
 * @param text what to write there instead of a number, for {@link Kind#CELL_TEXT} only (else empty)
 */
record RowEdit(int row, Kind kind, String column, String text) {
  enum Kind {
    /** Write {@code text} instead of the number in {@code column}. */
    CELL_TEXT,
    /** Leave out the row's last field, so it has one field fewer than the header. */
    DROP_LAST_FIELD,
    /** Write the previous row again (same time text), so this row's own sample is missing. */
    REPEAT_PREVIOUS_ROW
  }

  RowEdit {
    if (row < 0 || (kind == Kind.REPEAT_PREVIOUS_ROW && row < 1)) {
      throw new IllegalArgumentException("no row " + row + " to edit with " + kind);
    }
  }

  static RowEdit cellText(int row, String column, String text) {
    return new RowEdit(row, Kind.CELL_TEXT, column, text);
  }

  static RowEdit dropLastField(int row) {
    return new RowEdit(row, Kind.DROP_LAST_FIELD, "", "");
  }

  static RowEdit repeatPreviousRow(int row) {
    return new RowEdit(row, Kind.REPEAT_PREVIOUS_ROW, "", "");
  }
}
