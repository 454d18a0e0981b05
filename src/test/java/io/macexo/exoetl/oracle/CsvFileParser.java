package io.macexo.exoetl.oracle;

import io.macexo.exoetl.model.Issue;
import io.macexo.exoetl.read.CsvLineReader;
import io.macexo.exoetl.read.FileTask;
import io.macexo.exoetl.read.ParsedLine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The DataFrame engine's view of one file: {@link ParsedColumns} rows, lazily, one per line, after
 * a header row. A 30,000-row file is never held in memory. Runs on executors inside {@link
 * SensorFileReader}.
 */
final class CsvFileParser implements Iterator<Row>, AutoCloseable {
  private final CsvLineReader reader;
  private final ParsedLine line = new ParsedLine();
  private Row next;
  private boolean finished;

  CsvFileParser(FileTask task, int samplingRateHz, InputStream in) throws IOException {
    this.reader = new CsvLineReader(task, samplingRateHz, in);
    this.next = headerRow();
  }

  private Row headerRow() {
    FileTask task = reader.task();
    Issue problem = reader.headerProblem();
    return RowFactory.create(
        task.participant(),
        task.trial(),
        task.group(),
        reader.headerLine(),
        true,
        problem == null ? null : problem.code().name(),
        problem == null ? null : problem.detail(),
        null,
        null,
        reader.expectedFields(),
        reader.expectedFields(),
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
      throw new NoSuchElementException();
    }
    Row row = next;
    next = null;
    return row;
  }

  private Row readDataRow() {
    try {
      if (!reader.next(line)) {
        finished = true;
        return null;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + reader.task().fileName(), e);
    }
    FileTask task = reader.task();
    return RowFactory.create(
        task.participant(),
        task.trial(),
        task.group(),
        line.line(),
        false,
        null,
        null,
        line.hasStep() ? line.step() : null,
        line.hasPreviousStep() ? line.previousStep() : null,
        line.fieldCount(),
        reader.expectedFields(),
        line.truncated(),
        badColumnName(task),
        boxed(line.values()));
  }

  private String badColumnName(FileTask task) {
    return switch (line.badField()) {
      case ParsedLine.NONE -> null;
      case ParsedLine.BAD_TIME -> task.timeColumn();
      default -> task.selected().get(line.badField());
    };
  }

  private static Double[] boxed(double[] values) {
    if (values == null) {
      return null;
    }
    Double[] boxed = new Double[values.length];
    for (int i = 0; i < values.length; i++) {
      boxed[i] = values[i];
    }
    return boxed;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
