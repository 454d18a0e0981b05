package io.macexo.exoetl.synth;

import java.util.List;

/**
 * Cells written as NaN: the given columns over a span of rows. Column names absent from a file are
 * ignored, so one region can be applied to a file that lost a column.
 */
record NanRegion(RowSpan rows, List<String> columns) {
  NanRegion {
    columns = List.copyOf(columns);
  }
}
