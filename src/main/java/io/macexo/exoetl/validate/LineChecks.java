package io.macexo.exoetl.validate;

import io.macexo.exoetl.model.Issue;
import io.macexo.exoetl.model.Rejections;
import io.macexo.exoetl.read.FileTask;
import io.macexo.exoetl.read.ParsedLine;

/**
 * The checks of one parsed line, in precedence order: a cut-off last line, a wrong field count or a
 * non-number in a selected column (MALFORMED_ROW), an infinite value (NON_FINITE), a time step not
 * after the previous one (DUPLICATE_TIMESTEP), and under nan-policy=reject a NaN (NAN). Pure: the
 * line is already in memory; checks across files (LENGTH_MISMATCH, EMPTY_TRIAL) belong to {@code
 * assemble}. Sentences come from {@link Rejections}.
 */
public final class LineChecks {
  private final FileTask task;
  private final int expectedFields;
  private final boolean rejectNan;

  public LineChecks(FileTask task, int expectedFields, boolean rejectNan) {
    this.task = task;
    this.expectedFields = expectedFields;
    this.rejectNan = rejectNan;
  }

  /** The line's issue, or null when it is fine. */
  public Issue check(ParsedLine line) {
    int file = task.group();
    String name = task.fileName();
    if (line.truncated()) {
      return Rejections.cutOffLine(file, name, line.line(), line.fieldCount(), expectedFields);
    }
    if (line.fieldCount() != expectedFields) {
      return Rejections.fieldCount(file, name, line.line(), line.fieldCount(), expectedFields);
    }
    if (line.badField() != ParsedLine.NONE) {
      String column =
          line.badField() == ParsedLine.BAD_TIME
              ? task.timeColumn()
              : task.selected().get(line.badField());
      return Rejections.notANumber(file, name, line.line(), column);
    }
    int infinite = firstInfinite(line.values());
    if (infinite >= 0) {
      return Rejections.infinite(file, name, line.line(), task.selected().get(infinite));
    }
    if (line.hasStep() && line.hasPreviousStep() && line.step() <= line.previousStep()) {
      return Rejections.stepNotAfter(file, name, line.line(), line.step(), line.previousStep());
    }
    int nan = rejectNan ? firstNan(line.values()) : -1;
    if (nan >= 0) {
      return Rejections.nan(file, name, line.line(), task.selected().get(nan));
    }
    return null;
  }

  private static int firstInfinite(double[] values) {
    for (int i = 0; i < values.length; i++) {
      if (Double.isInfinite(values[i])) {
        return i;
      }
    }
    return -1;
  }

  private static int firstNan(double[] values) {
    for (int i = 0; i < values.length; i++) {
      if (Double.isNaN(values[i])) {
        return i;
      }
    }
    return -1;
  }
}
