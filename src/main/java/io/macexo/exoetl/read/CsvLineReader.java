package io.macexo.exoetl.read;

import io.macexo.exoetl.model.Issue;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a Phase1 CSV file line by line into {@link ParsedLine}s. Columns are found by header name,
 * so the file's column order does not matter; only the time column and the selected columns are
 * turned into numbers, the other fields are only counted.
 */
public final class CsvLineReader implements Closeable {
  private final FileTask task;
  private final int samplingRateHz;
  private final ByteLines lines;
  private final CsvHeader header;
  private long lineNumber;
  private boolean hasPrevious;
  private long previousStep;

  /** Field offsets of the current line, from {@link ByteLines#nextFields()}. */
  private int[] starts;

  public CsvLineReader(FileTask task, int samplingRateHz, InputStream in) throws IOException {
    this.task = task;
    this.samplingRateHz = samplingRateHz;
    this.lines = new ByteLines(in);
    this.header = CsvHeader.read(lines, task);
    this.lineNumber = header.line();
  }

  /** The issue that makes the header unusable (EMPTY_FILE, MISSING_COLUMN), or null. */
  public Issue headerProblem() {
    return header.problem();
  }

  public long headerLine() {
    return header.line();
  }

  public int expectedFields() {
    return header.expectedFields();
  }

  public FileTask task() {
    return task;
  }

  /**
   * Reads the next data line into {@code into}; false at the end or when the header is unusable.
   */
  public boolean next(ParsedLine into) throws IOException {
    if (!header.usable()) {
      return false;
    }
    int fields;
    do {
      fields = lines.nextFields();
      lineNumber++;
    } while (fields > 0 && lines.length() == 0);
    if (fields < 0) {
      return false;
    }
    starts = lines.fieldStarts();
    parse(lines.bytes(), fields, !lines.lastLineTerminated(), into);
    return true;
  }

  private void parse(byte[] text, int fields, boolean truncated, ParsedLine into) {
    into.line = lineNumber;
    into.fieldCount = fields;
    into.truncated = truncated;
    into.hasStep = false;
    into.badField = ParsedLine.NONE;
    into.values = null;
    into.hasPreviousStep = hasPrevious;
    into.previousStep = previousStep;
    if (fields != header.expectedFields()) {
      return;
    }
    int timeIndex = header.timeIndex();
    long step = NumberText.step(text, starts[timeIndex], starts[timeIndex + 1] - 1, samplingRateHz);
    if (step == NumberText.NO_STEP) {
      into.badField = ParsedLine.BAD_TIME;
    } else {
      into.hasStep = true;
      into.step = step;
      hasPrevious = true;
      previousStep = into.step;
    }
    int[] selected = header.selectedIndex();
    double[] values = new double[selected.length];
    for (int i = 0; i < selected.length; i++) {
      double value = field(text, selected[i]);
      if (NumberText.isBad(value)) {
        into.badField = into.badField == ParsedLine.NONE ? i : into.badField;
        value = Double.NaN;
      }
      values[i] = value;
    }
    into.values = into.badField == ParsedLine.NONE ? values : null;
  }

  private double field(byte[] text, int index) {
    return NumberText.parse(text, starts[index], starts[index + 1] - 1);
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
