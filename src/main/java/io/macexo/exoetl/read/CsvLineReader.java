package io.macexo.exoetl.read;

import io.macexo.exoetl.model.Issue;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a Phase1 CSV file record by record into {@link ParsedLine}s. Columns are found by header
 * name, so the file's column order does not matter; only the time column and the selected columns
 * are turned into numbers ({@link NumberText}), the other fields are only counted. The dialect is
 * {@link ByteLines}': RFC 4180 quotes, any line ends, a UTF-8 byte order mark. A file that is not
 * text at all is told by {@link ContentSniffer} before its header is read.
 *
 * <p>Blank records (nothing but spaces and tabs), wherever they are, are not data lines; their line
 * numbers still count. A last line without a line end is a good line unless it is cut off: fewer
 * fields than the header, a file that ends inside a quoted field, or a last field that is the start
 * of a number but not a number ({@link NumberText#incomplete}).
 */
public final class CsvLineReader implements Closeable {
  private final FileTask task;
  private final int samplingRateHz;
  private final ByteLines lines;
  private final CsvHeader header;
  private boolean hasPrevious;
  private long previousStep;

  /** Field offsets of the current line, from {@link ByteLines#nextFields()}. */
  private int[] starts;

  public CsvLineReader(FileTask task, int samplingRateHz, InputStream in) throws IOException {
    this.task = task;
    this.samplingRateHz = samplingRateHz;
    this.lines = new ByteLines(in);
    this.header = CsvHeader.read(lines, task);
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
    } while (fields == 1 && lines.blank());
    if (fields < 0) {
      return false;
    }
    starts = lines.fieldStarts();
    parse(lines.bytes(), fields, cutOff(fields), into);
    return true;
  }

  /** Whether the record just read is a last line cut off mid-write (see the class comment). */
  private boolean cutOff(int fields) {
    if (lines.lastLineTerminated()) {
      return false;
    }
    return fields < header.expectedFields()
        || lines.endedInQuotes()
        || NumberText.incomplete(lines.bytes(), starts[fields - 1], starts[fields] - 1);
  }

  private void parse(byte[] text, int fields, boolean truncated, ParsedLine into) {
    into.line = lines.line();
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
