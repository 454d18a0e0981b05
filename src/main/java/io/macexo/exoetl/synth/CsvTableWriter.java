package io.macexo.exoetl.synth;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes one {@link TableContent} as a CSV file: header, then one line per row, {@code \n} line
 * ends and a trailing newline. Each cell is a pure function of (trial, column, sample), so a
 * repeated row is byte-identical to its original and the output never depends on thread scheduling.
 *
 * <p>Runs on a generator worker thread; one instance per file, not shared.
 */
final class CsvTableWriter {
  private final TableContent content;
  private final ColumnSignal[] signals;
  private final boolean[] alwaysNaN;
  private final boolean[][] regionMasks;
  private final RowEdit[] editByRow;

  private CsvTableWriter(TableContent content) {
    this.content = content;
    List<String> columns = content.columns();
    this.signals = columns.stream().map(ColumnSignal::of).toArray(ColumnSignal[]::new);
    this.alwaysNaN = new boolean[columns.size()];
    for (int column = 0; column < signals.length; column++) {
      alwaysNaN[column] = signals[column].alwaysNaN();
    }
    this.regionMasks =
        content.nanRegions().stream()
            .map(region -> mask(columns, region))
            .toArray(boolean[][]::new);
    this.editByRow = new RowEdit[content.rows()];
    for (RowEdit edit : content.edits()) {
      if (edit.row() >= content.rows()) {
        throw new IllegalArgumentException(
            "edit " + edit + " is past the last row " + (content.rows() - 1));
      }
      editByRow[edit.row()] = edit;
    }
  }

  /** Writes the file and returns its size in bytes. */
  static long write(Path file, TableContent content) throws IOException {
    CsvTableWriter writer = new CsvTableWriter(content);
    try (CsvSink sink = CsvSink.create(file)) {
      writer.writeHeader(sink);
      writer.writeRows(sink);
      return sink.position();
    }
  }

  private void writeHeader(CsvSink sink) throws IOException {
    sink.text(Phase1Columns.TIME);
    for (String column : content.columns()) {
      sink.comma().text(column);
    }
    sink.newline();
  }

  private void writeRows(CsvSink sink) throws IOException {
    double clock = content.firstSample() / Phase1Time.SAMPLES_PER_SECOND;
    String clockText = "";
    boolean[] nan = new boolean[signals.length];
    for (int row = 0; row < content.rows(); row++) {
      RowEdit edit = editByRow[row];
      boolean repeat = edit != null && edit.kind() == RowEdit.Kind.REPEAT_PREVIOUS_ROW;
      int sourceRow = repeat ? row - 1 : row;
      long sample = content.firstSample() + sourceRow;
      if (content.timeStyle() == TableContent.TimeStyle.ACCUMULATED_DOUBLE) {
        // A repeated row keeps the previous text: the same time twice, as a logger hiccup writes
        // it.
        clockText = repeat ? clockText : Double.toString(clock);
        sink.text(clockText);
      } else {
        sink.milliseconds(sample * Phase1Time.MILLISECONDS_PER_SAMPLE);
      }
      fillNanMask(sourceRow, nan);
      writeValues(sink, sample, nan, edit);
      sink.newline();
      clock += Phase1Time.SECONDS_PER_SAMPLE;
    }
  }

  private void writeValues(CsvSink sink, long sample, boolean[] nan, RowEdit edit)
      throws IOException {
    boolean dropLast = edit != null && edit.kind() == RowEdit.Kind.DROP_LAST_FIELD;
    int fields = signals.length - (dropLast ? 1 : 0);
    int textColumn =
        edit != null && edit.kind() == RowEdit.Kind.CELL_TEXT ? columnIndex(edit.column()) : -1;
    double cycle = content.motion().cycleAt(sample);
    double gain = content.motion().gain();
    long salt = content.motion().noiseSalt();
    for (int column = 0; column < fields; column++) {
      sink.comma();
      if (column == textColumn) {
        sink.text(edit.text());
      } else if (nan[column]) {
        sink.text(content.nanText());
      } else {
        ColumnSignal signal = signals[column];
        sink.fixed(
            signal.shape(cycle, gain) + signal.noise() * Seeds.uniformNoise(salt, sample, column));
      }
    }
  }

  private void fillNanMask(int row, boolean[] nan) {
    System.arraycopy(alwaysNaN, 0, nan, 0, nan.length);
    for (int region = 0; region < regionMasks.length; region++) {
      if (content.nanRegions().get(region).rows().contains(row)) {
        boolean[] mask = regionMasks[region];
        for (int column = 0; column < nan.length; column++) {
          nan[column] |= mask[column];
        }
      }
    }
  }

  private int columnIndex(String column) {
    int index = content.columns().indexOf(column);
    if (index < 0) {
      throw new IllegalArgumentException(
          "cannot edit column " + column + ": the file has no such column");
    }
    return index;
  }

  private static boolean[] mask(List<String> columns, NanRegion region) {
    boolean[] mask = new boolean[columns.size()];
    for (String name : region.columns()) {
      int index = columns.indexOf(name);
      if (index >= 0) {
        mask[index] = true;
      }
    }
    return mask;
  }
}
