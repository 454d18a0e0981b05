package io.macexo.exoetl.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The least work one CSV file needs: every byte read once, the header split to find the wanted
 * columns by name, and only those fields of each line parsed to doubles; after the last wanted
 * field of a line, the rest is skipped to the line break. Nothing is kept but counts and a checksum
 * (which keeps the JIT from dropping the parsing).
 *
 * <p>One instance per file, on a parse floor worker thread.
 */
final class FloorScanner {
  private static final int BUFFER_BYTES = 1 << 20;

  /** How fields become numbers: the byte-level fast path, or String + Double.parseDouble. */
  enum Parser {
    FAST_PATH,
    JDK
  }

  /** What a file gave: data lines, parsed values, bytes, and the sum of the non-NaN values. */
  record Tally(long rows, long values, long bytes, double checksum) {
    static final Tally NONE = new Tally(0, 0, 0, 0);

    Tally plus(Tally other) {
      return new Tally(
          rows + other.rows, values + other.values, bytes + other.bytes, checksum + other.checksum);
    }
  }

  private final Parser parser;
  private boolean[] wanted;
  private int lastWanted;
  private long rows;
  private long values;
  private double checksum;

  FloorScanner(Parser parser) {
    this.parser = parser;
  }

  /** Scans one file; {@code columns} are the names to parse (time and the selected ones). */
  Tally scan(Path file, List<String> columns) throws IOException {
    byte[] buffer = new byte[BUFFER_BYTES];
    int filled = 0;
    int position = 0;
    long bytes = 0;
    boolean header = true;
    try (InputStream in = Files.newInputStream(file)) {
      while (true) {
        int read = in.read(buffer, filled, buffer.length - filled);
        boolean end = read < 0;
        if (!end) {
          filled += read;
          bytes += read;
        }
        while (position < filled || end) {
          int lineEnd;
          if (header) {
            lineEnd = indexOfLineBreak(buffer, position, filled);
            if (lineEnd < 0 && !end) {
              break;
            }
            lineEnd = lineEnd < 0 ? filled : lineEnd;
            readHeader(buffer, position, lineEnd, columns, file);
            header = false;
          } else {
            lineEnd = scanLine(buffer, position, filled, end);
            if (lineEnd < 0) {
              break;
            }
          }
          position = lineEnd + 1;
          if (lineEnd >= filled) {
            break;
          }
        }
        if (end) {
          return new Tally(rows, values, bytes, checksum);
        }
        if (position > 0) {
          System.arraycopy(buffer, position, buffer, 0, Math.max(0, filled - position));
          filled = Math.max(0, filled - position);
          position = 0;
        } else if (filled == buffer.length) {
          buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
      }
    }
  }

  private static int indexOfLineBreak(byte[] buffer, int from, int to) {
    for (int index = from; index < to; index++) {
      if (buffer[index] == '\n') {
        return index;
      }
    }
    return -1;
  }

  private void readHeader(byte[] buffer, int from, int to, List<String> columns, Path file)
      throws IOException {
    String[] names =
        new String(buffer, from, to - from, StandardCharsets.UTF_8)
            .replace("\uFEFF", "")
            .split(",", -1);
    wanted = new boolean[names.length];
    int found = 0;
    for (int index = 0; index < names.length; index++) {
      if (columns.contains(names[index].trim())) {
        wanted[index] = true;
        lastWanted = index;
        found++;
      }
    }
    if (found != columns.size()) {
      throw new IOException("Cannot scan " + file + ": its header lacks some of " + columns);
    }
  }

  /**
   * Parses the wanted fields of the line at {@code from} in one pass and returns the index of its
   * line break, or -1 when the buffer ends before it (then nothing is counted: the line is scanned
   * again after the next read). At the end of the file the buffer's end closes the last line.
   */
  private int scanLine(byte[] buffer, int from, int limit, boolean end) {
    int field = 0;
    int start = from;
    long lineValues = 0;
    double lineSum = 0;
    for (int index = from; ; index++) {
      if (index >= limit && !end) {
        return -1;
      }
      byte next = index >= limit ? (byte) '\n' : buffer[index];
      if (next == ',' || next == '\n') {
        if (field <= lastWanted && wanted[field]) {
          double value = parse(buffer, start, index);
          lineValues++;
          lineSum += Double.isNaN(value) ? 0 : value;
        }
        field++;
        start = index + 1;
        if (next == '\n') {
          if (index > from) {
            rows++;
            values += lineValues;
            checksum += lineSum;
          }
          return index;
        }
      }
    }
  }

  private double parse(byte[] buffer, int from, int to) {
    return switch (parser) {
      case FAST_PATH -> DecimalParser.parse(buffer, from, to);
      case JDK -> DecimalParser.parseWithJdk(buffer, from, to);
    };
  }
}
