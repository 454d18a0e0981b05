package io.macexo.exoetl.synth;

import java.util.ArrayList;
import java.util.List;

/**
 * What one CSV file of a trial holds, described without writing it: {@code time} then the data
 * columns, {@code rows} samples from {@code firstSample}, NaN where a region says so, and
 * deliberate flaws.
 *
 * @param columns data columns in file order, without {@code time}
 * @param timeStyle how the time column is spelled
 * @param nanText how NaN is spelled in this file: {@code ""} or {@code NaN}
 * @param edits flaws, at most one per row
 */
record TableContent(
    List<String> columns,
    TimeStyle timeStyle,
    int rows,
    long firstSample,
    String nanText,
    List<NanRegion> nanRegions,
    List<RowEdit> edits,
    TrialMotion motion) {
  /** The two spellings of the same time base found in the real files. */
  enum TimeStyle {
    /** The exo logger's clock: a double incremented by 0.005, e.g. {@code 41.76000000000001}. */
    ACCUMULATED_DOUBLE,
    /** Rounded to three decimals, e.g. {@code 41.760}. */
    MILLISECONDS
  }

  TableContent {
    columns = List.copyOf(columns);
    nanRegions = List.copyOf(nanRegions);
    edits = List.copyOf(edits);
    if (edits.stream().map(RowEdit::row).distinct().count() != edits.size()) {
      throw new IllegalArgumentException("at most one edit per row: " + edits);
    }
  }

  /** The same content with other rows, e.g. fewer for a file that lost its tail. */
  TableContent withRows(int newRows) {
    return new TableContent(
        columns, timeStyle, newRows, firstSample, nanText, nanRegions, edits, motion);
  }

  /** The same content with one more flaw. */
  TableContent withEdit(RowEdit edit) {
    List<RowEdit> more = new ArrayList<>(edits);
    more.add(edit);
    return new TableContent(
        columns, timeStyle, rows, firstSample, nanText, nanRegions, more, motion);
  }
}
