package io.macexo.exoetl.read;

import io.macexo.exoetl.model.Issue;
import io.macexo.exoetl.model.Rejections;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The header line of a file, resolved against the wanted columns: where {@code time} and each
 * selected column sit, or why the header is unusable (NOT_CSV, EMPTY_FILE, MISSING_COLUMN). Names
 * are matched after their quotes are removed and surrounding spaces trimmed, so R's {@code
 * "time","hip_flexion_l"} and a hand-edited {@code time, hip_flexion_l} both match; a name that
 * appears twice is taken at its first place.
 *
 * @param problem the issue that makes the header unusable, or null
 */
record CsvHeader(long line, int expectedFields, int timeIndex, int[] selectedIndex, Issue problem) {

  boolean usable() {
    return problem == null;
  }

  /** Reads the first non-blank record of {@code lines} as the header, once it is known text. */
  static CsvHeader read(ByteLines lines, FileTask task) throws IOException {
    String notText = ContentSniffer.notText(lines.bytes(), lines.head(ContentSniffer.HEAD_BYTES));
    if (notText != null) {
      return unusable(1, Rejections.notCsv(task.group(), task.fileName(), notText));
    }
    int fields = lines.nextFields();
    while (fields == 1 && lines.blank()) {
      fields = lines.nextFields();
    }
    if (fields < 0) {
      long line = lines.line() + 1;
      return unusable(line, Rejections.noHeader(task.group(), line, task.fileName()));
    }
    String[] names = new String[fields];
    for (int i = 0; i < fields; i++) {
      names[i] = lines.field(i).trim();
    }
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
    Issue problem =
        missing.isEmpty()
            ? null
            : Rejections.missingColumns(task.group(), lines.line(), task.fileName(), missing);
    return new CsvHeader(lines.line(), names.length, timeIndex, selected, problem);
  }

  private static CsvHeader unusable(long line, Issue problem) {
    return new CsvHeader(line, 0, -1, new int[0], problem);
  }

  private static int indexOf(String[] names, String wanted) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(wanted)) {
        return i;
      }
    }
    return -1;
  }
}
