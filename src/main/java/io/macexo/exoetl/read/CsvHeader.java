package io.macexo.exoetl.read;

import io.macexo.exoetl.model.Issue;
import io.macexo.exoetl.model.Rejections;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The header line of a file, resolved against the wanted columns: where {@code time} and each
 * selected column sit, or why the header is unusable (EMPTY_FILE, MISSING_COLUMN).
 *
 * @param problem the issue that makes the header unusable, or null
 */
record CsvHeader(long line, int expectedFields, int timeIndex, int[] selectedIndex, Issue problem) {

  boolean usable() {
    return problem == null;
  }

  /** Reads the first non-blank line of {@code lines} as the header. */
  static CsvHeader read(ByteLines lines, FileTask task) throws IOException {
    boolean found = lines.next();
    long line = 1;
    while (found && lines.blank()) {
      found = lines.next();
      line++;
    }
    String header = found ? lines.text() : null;
    if (header == null) {
      return new CsvHeader(
          line, 0, -1, new int[0], Rejections.noHeader(task.group(), line, task.fileName()));
    }
    String[] names = header.replace("\uFEFF", "").split(",", -1);
    List<String> missing = new ArrayList<>();
    int timeIndex = indexOf(names, task.timeColumn());
    if (timeIndex < 0) {
      missing.add(task.timeColumn());
    }
    int[] selected = new int[task.selected().size()];
    for (int i = 0; i < selected.length; i++) {
      selected[i] = indexOf(names, task.selected().get(i));
      if (selected[i] < 0) {
        missing.add(task.selected().get(i));
      }
    }
    if (!missing.isEmpty()) {
      return new CsvHeader(
          line,
          names.length,
          timeIndex,
          selected,
          Rejections.missingColumns(task.group(), line, task.fileName(), missing));
    }
    return new CsvHeader(line, names.length, timeIndex, selected, null);
  }

  private static int indexOf(String[] names, String wanted) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].trim().equals(wanted)) {
        return i;
      }
    }
    return -1;
  }
}
