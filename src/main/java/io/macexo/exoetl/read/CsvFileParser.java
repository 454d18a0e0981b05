package io.macexo.exoetl.read;

import io.macexo.exoetl.model.FileKind;
import io.macexo.exoetl.model.ReasonCode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Parses one Phase1 CSV file into {@link ParsedColumns} rows, lazily, line by line: a 30,000-row
 * file is never held in memory. Columns are found by header name, so the file's column order does
 * not matter; only the time column and the selected columns are converted to numbers.
 *
 * <p>Runs on executors, inside {@link SensorFileReader}.
 */
final class CsvFileParser implements java.util.Iterator<Row>, AutoCloseable {
  private final FileTask task;
  private final int samplingRateHz;
  private final LineSource lines;
  private int timeIndex = -1;
  private int[] selectedIndex;
  private int expectedFields;
  private long lineNumber;
  private Long previousStep;
  private Row next;
  private boolean finished;

  /** The file a task reads: where it is, which trial it belongs to and which columns to take. */
  record FileTask(
      String participant,
      String trial,
      FileKind kind,
      String fileName,
      String timeColumn,
      List<String> selected)
      implements java.io.Serializable {}

  CsvFileParser(FileTask task, int samplingRateHz, InputStream in) throws IOException {
    this.task = task;
    this.samplingRateHz = samplingRateHz;
    this.lines = new LineSource(in);
    this.next = readHeader();
  }

  private Row readHeader() throws IOException {
    String header = lines.next();
    lineNumber = 1;
    while (header != null && header.isBlank()) {
      header = lines.next();
      lineNumber++;
    }
    if (header == null) {
      finished = true;
      return headerRow(ReasonCode.EMPTY_FILE, task.fileName() + " has no header line");
    }
    String[] names = header.replace("\uFEFF", "").split(",", -1);
    expectedFields = names.length;
    List<String> missing = new ArrayList<>();
    timeIndex = indexOf(names, task.timeColumn());
    if (timeIndex < 0) {
      missing.add(task.timeColumn());
    }
    selectedIndex = new int[task.selected().size()];
    for (int i = 0; i < selectedIndex.length; i++) {
      selectedIndex[i] = indexOf(names, task.selected().get(i));
      if (selectedIndex[i] < 0) {
        missing.add(task.selected().get(i));
      }
    }
    if (!missing.isEmpty()) {
      finished = true;
      return headerRow(
          ReasonCode.MISSING_COLUMN,
          task.fileName() + " has no column " + String.join(", ", missing));
    }
    return headerRow(null, null);
  }

  private static int indexOf(String[] names, String wanted) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].trim().equals(wanted)) {
        return i;
      }
    }
    return -1;
  }

  private Row headerRow(ReasonCode problem, String detail) {
    return RowFactory.create(
        task.participant(),
        task.trial(),
        task.kind().ordinal(),
        lineNumber,
        true,
        problem == null ? null : problem.name(),
        detail,
        null,
        null,
        expectedFields,
        expectedFields,
        false,
        null,
        null);
  }

  @Override
  public boolean hasNext() {
    if (next == null && !finished) {
      next = readDataRow();
    }
    return next != null;
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new java.util.NoSuchElementException();
    }
    Row row = next;
    next = null;
    return row;
  }

  private Row readDataRow() {
    String line;
    try {
      do {
        line = lines.next();
        lineNumber++;
      } while (line != null && line.isEmpty());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("Cannot read " + task.fileName(), e);
    }
    if (line == null) {
      finished = true;
      return null;
    }
    return parseLine(line, !lines.lastLineTerminated());
  }

  private Row parseLine(String line, boolean truncated) {
    int[] starts = fieldStarts(line);
    int fieldCount = starts.length - 1;
    Long step = null;
    String badColumn = null;
    Double[] values = null;
    if (fieldCount == expectedFields) {
      double time = field(line, starts, timeIndex);
      if (NumberText.isBad(time) || !Double.isFinite(time)) {
        badColumn = task.timeColumn();
      } else {
        step = Math.round(time * samplingRateHz);
      }
      values = new Double[selectedIndex.length];
      for (int i = 0; i < selectedIndex.length; i++) {
        double value = field(line, starts, selectedIndex[i]);
        if (NumberText.isBad(value)) {
          badColumn = badColumn == null ? task.selected().get(i) : badColumn;
          value = Double.NaN;
        }
        values[i] = value;
      }
    }
    Row row =
        RowFactory.create(
            task.participant(),
            task.trial(),
            task.kind().ordinal(),
            lineNumber,
            false,
            null,
            null,
            step,
            previousStep,
            fieldCount,
            expectedFields,
            truncated,
            badColumn,
            badColumn == null ? values : null);
    if (step != null) {
      previousStep = step;
    }
    return row;
  }

  private static double field(String line, int[] starts, int index) {
    return NumberText.parse(line, starts[index], starts[index + 1] - 1);
  }

  /**
   * Start offsets of every field plus one past the end, so field i is [starts[i], starts[i+1]-1).
   */
  private static int[] fieldStarts(String line) {
    int commas = 0;
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == ',') {
        commas++;
      }
    }
    int[] starts = new int[commas + 2];
    int field = 1;
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == ',') {
        starts[field++] = i + 1;
      }
    }
    starts[field] = line.length() + 1;
    return starts;
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
