package io.macexo.exoetl.read;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads CSV records as bytes and finds their fields in the same pass, without decoding to Strings:
 * decoding plus a String per line was the largest cost of parsing after the numbers themselves (see
 * docs/performance.md).
 *
 * <p>The dialect is RFC 4180 as real tools write it: a record ends at CRLF, LF or a lone CR (mixed
 * in one file too); a field that starts with {@code "} is quoted, may hold commas, quotes doubled
 * ({@code ""}) and line breaks, and ends at the next single {@code "} (anything after it up to the
 * comma is kept as it is); a quote inside an unquoted field is an ordinary byte. A UTF-8 byte order
 * mark at the very start is skipped. A last record without a line end is a record; {@link
 * #lastLineTerminated} tells, and {@link #endedInQuotes} whether the file ended inside a quoted
 * field.
 *
 * <p>How: the common record (no quote, inside the read buffer) is used where it lies, its fields
 * found by one scan that tests most bytes once. A record with a quote, or one running across two
 * reads, is gathered into a separate array with its quotes removed. The current record is {@link
 * #length()} bytes of {@link #bytes()} from {@link #start()}, its fields at {@link #fieldStarts()}.
 */
final class ByteLines implements Closeable {
  private static final int BUFFER_BYTES = 1 << 16;
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final InputStream in;
  private final byte[] buffer = new byte[BUFFER_BYTES];
  private int position;
  private int limit;
  private boolean started;
  private boolean ended;
  private final Gatherer gathered = new Gatherer();
  private byte[] bytes = buffer;
  private int start;
  private int length;
  private int[] starts = new int[128];

  /** The last record ended with CR at the end of the buffer: a LF that follows belongs to it. */
  private boolean pendingLf;

  private boolean lastTerminated = true;
  private boolean endedInQuotes;
  private long nextLine = 1;
  private long line;

  ByteLines(InputStream in) {
    this.in = in;
  }

  /**
   * The first bytes of the input, up to {@code count} (fewer only when the input is shorter), for
   * telling what kind of file it is. Call before the first record; the bytes stay in {@link
   * #bytes()} from 0, and are read as records afterwards.
   */
  int head(int count) throws IOException {
    while (limit < Math.min(count, buffer.length) && !ended) {
      int read = in.read(buffer, limit, buffer.length - limit);
      if (read < 0) {
        ended = true;
      } else {
        limit += read;
      }
    }
    bytes = buffer;
    return Math.min(limit, count);
  }

  /**
   * Reads the next record and finds its fields: afterwards {@link #fieldStarts()} holds each
   * field's start offset in {@link #bytes()}, then one past the record's end plus one (so field
   * {@code i} ends at {@code fieldStarts()[i + 1] - 1}). Returns the number of fields, or -1 at the
   * end of the input.
   */
  int nextFields() throws IOException {
    if (!started) {
      skipByteOrderMark();
    }
    if (pendingLf && position < limit) {
      pendingLf = false;
      position += buffer[position] == '\n' ? 1 : 0;
    }
    int fields = 0;
    starts[0] = position;
    for (int i = position; i < limit; i++) {
      byte c = buffer[i];
      if (c > ',') {
        // Digits, letters, '.' and '-': most bytes of a data file, settled by one comparison.
        continue;
      }
      if (c == ',') {
        fields++;
        if (fields + 1 >= starts.length) {
          starts = Arrays.copyOf(starts, starts.length * 2);
        }
        starts[fields] = i + 1;
      } else if (c == '\n' || c == '\r') {
        bytes = buffer;
        start = position;
        length = i - position;
        position = i + 1;
        endOfLine(c);
        starts[fields + 1] = i + 1;
        return fields + 1;
      } else if (c == '"') {
        break;
      }
    }
    return gather();
  }

  /** Ends a record at a line break; a CR's LF is skipped now or, past the buffer, next time. */
  private void endOfLine(byte c) {
    if (c == '\r') {
      if (position < limit) {
        position += buffer[position] == '\n' ? 1 : 0;
      } else {
        pendingLf = true;
      }
    }
    lastTerminated = true;
    line = nextLine;
    nextLine++;
  }

  /** The slow path: a record with quotes, or one across reads, gathered into its own array. */
  private int gather() throws IOException {
    gathered.reset();
    while (true) {
      if (position == limit && !refill()) {
        if (!gathered.any()) {
          return -1;
        }
        lastTerminated = false;
        endedInQuotes = gathered.inQuotes();
        return finish(0);
      }
      if (pendingLf) {
        pendingLf = false;
        if (buffer[position] == '\n') {
          position++;
          continue;
        }
      }
      int end = gathered.take(buffer, position, limit);
      position = end < 0 ? limit : end + 1;
      if (end >= 0) {
        if (buffer[end] == '\r') {
          pendingLf = position == limit;
          position += position < limit && buffer[position] == '\n' ? 1 : 0;
        }
        lastTerminated = true;
        return finish(1);
      }
    }
  }

  /** Publishes the gathered record; {@code lineEnds} is 1 when it ended with a line break. */
  private int finish(int lineEnds) {
    bytes = gathered.bytes();
    start = 0;
    length = gathered.length();
    int fields = gathered.fields();
    if (fields + 1 >= starts.length) {
      starts = Arrays.copyOf(starts, Math.max(starts.length * 2, fields + 2));
    }
    System.arraycopy(gathered.starts(), 0, starts, 0, fields);
    starts[fields] = length + 1;
    line = nextLine;
    nextLine += gathered.breaksInQuotes() + lineEnds;
    return fields;
  }

  private boolean refill() throws IOException {
    position = 0;
    limit = 0;
    while (!ended && limit == 0) {
      int read = in.read(buffer, 0, buffer.length);
      if (read < 0) {
        ended = true;
      } else {
        limit = read;
      }
    }
    return limit > 0;
  }

  private void skipByteOrderMark() throws IOException {
    started = true;
    head(UTF8_BOM.length);
    if (limit >= UTF8_BOM.length && Arrays.equals(buffer, 0, 3, UTF8_BOM, 0, 3)) {
      position = UTF8_BOM.length;
    }
  }

  /** Field offsets of the record read by {@link #nextFields()}. */
  int[] fieldStarts() {
    return starts;
  }

  /** The array holding the current record, from {@link #start()}; valid until the next call. */
  byte[] bytes() {
    return bytes;
  }

  int start() {
    return start;
  }

  int length() {
    return length;
  }

  /** The line of the file (1-based) on which the current record starts. */
  long line() {
    return line;
  }

  /** Whether the current record holds nothing but spaces and tabs. */
  boolean blank() {
    for (int i = start; i < start + length; i++) {
      if (bytes[i] != ' ' && bytes[i] != '\t') {
        return false;
      }
    }
    return true;
  }

  /** Field {@code index} of the current record as text, UTF-8 decoded. */
  String field(int index) {
    return new String(
        bytes, starts[index], starts[index + 1] - 1 - starts[index], StandardCharsets.UTF_8);
  }

  /** Whether the record last read ended with a line break. */
  boolean lastLineTerminated() {
    return lastTerminated;
  }

  /** Whether the input ended inside a quoted field (so its last record is cut off). */
  boolean endedInQuotes() {
    return endedInQuotes;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
