package io.macexo.exoetl.read;

/**
 * One data line of a CSV file as raw facts: where it is, its field count, its timestep, the first
 * field that is not a number, and the selected values. Mutable and reused line after line by {@link
 * CsvLineReader}, so parsing allocates nothing per line but the values array.
 */
public final class ParsedLine {
  /** {@link #badField} value when the time field is not a number. */
  public static final int BAD_TIME = -2;

  /** {@link #badField} value when every field parsed. */
  public static final int NONE = -1;

  long line;
  int fieldCount;
  boolean truncated;
  boolean hasStep;
  long step;
  boolean hasPreviousStep;
  long previousStep;
  int badField = NONE;

  /** Null when the field count is wrong or a selected field is not a number. */
  double[] values;

  public long line() {
    return line;
  }

  public int fieldCount() {
    return fieldCount;
  }

  /**
   * Whether this is a last line cut off mid-write: no line end, and too few fields, an open quote
   * or an incomplete last number.
   */
  public boolean truncated() {
    return truncated;
  }

  public boolean hasStep() {
    return hasStep;
  }

  public long step() {
    return step;
  }

  public boolean hasPreviousStep() {
    return hasPreviousStep;
  }

  public long previousStep() {
    return previousStep;
  }

  /**
   * Index into the selected columns of the first non-number, {@link #BAD_TIME}, or {@link #NONE}.
   */
  public int badField() {
    return badField;
  }

  public double[] values() {
    return values;
  }
}
