package io.macexo.exoetl.validate;

import io.macexo.exoetl.model.ReasonCode;
import io.macexo.exoetl.read.FileTask;
import io.macexo.exoetl.read.ParsedLine;

/**
 * The per-trial engine's row checks: the same rules, order and sentences as {@link RowChecks}, for
 * a line already in memory. Pure. {@code EngineEquivalenceTest} proves both give the same outcome.
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
    if (line.truncated()) {
      return issue(ReasonCode.MALFORMED_ROW, line, "the last line is cut off (no line end)");
    }
    if (line.fieldCount() != expectedFields) {
      return issue(
          ReasonCode.MALFORMED_ROW,
          line,
          line.fieldCount() + " fields, the header has " + expectedFields);
    }
    if (line.badField() != ParsedLine.NONE) {
      String column =
          line.badField() == ParsedLine.BAD_TIME
              ? task.timeColumn()
              : task.selected().get(line.badField());
      return issue(ReasonCode.MALFORMED_ROW, line, "column " + column + " is not a number");
    }
    int infinite = firstInfinite(line.values());
    if (infinite >= 0) {
      return issue(
          ReasonCode.NON_FINITE, line, "column " + task.selected().get(infinite) + " is infinite");
    }
    if (line.hasStep() && line.hasPreviousStep() && line.step() <= line.previousStep()) {
      return issue(
          ReasonCode.DUPLICATE_TIMESTEP,
          line,
          "time step "
              + line.step()
              + " does not follow step "
              + line.previousStep()
              + " (time repeats or goes backwards)");
    }
    int nan = rejectNan ? firstNan(line.values()) : -1;
    if (nan >= 0) {
      return issue(ReasonCode.NAN, line, "column " + task.selected().get(nan) + " is NaN");
    }
    return null;
  }

  private Issue issue(ReasonCode code, ParsedLine line, String what) {
    return new Issue(
        code,
        task.kind().ordinal(),
        line.line(),
        task.fileName() + " line " + line.line() + ": " + what);
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
