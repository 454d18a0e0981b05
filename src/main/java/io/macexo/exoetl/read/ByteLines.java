package io.macexo.exoetl.read;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads lines as bytes, without decoding to Strings: the Phase1 files are ASCII, and decoding plus
 * a String per line was the largest cost of parsing after the numbers themselves (see
 * docs/performance.md). Also tells whether the last line ended with a line break, which is how a
 * file cut off mid-write shows itself. The current line is {@link #length()} bytes of {@link
 * #bytes()} from {@link #start()}: usually a slice of the read buffer itself, copied only when it
 * runs across two reads.
 */
final class ByteLines implements Closeable {
  private static final int BUFFER_BYTES = 1 << 16;

  private final InputStream in;
  private final byte[] buffer = new byte[BUFFER_BYTES];
  private int position;
  private int limit;
  private byte[] line = new byte[1024];
  private byte[] bytes = line;
  private int start;
  private int length;
  private int[] starts = new int[128];
  private boolean lastTerminated = true;

  ByteLines(InputStream in) {
    this.in = in;
  }

  /** Reads the next line (without its line break); false at the end of the input. */
  boolean next() throws IOException {
    // Common case: the whole line is in the buffer, and is used where it lies (no copy).
    for (int i = position; i < limit; i++) {
      if (buffer[i] == '\n') {
        bytes = buffer;
        start = position;
        length = i - position;
        position = i + 1;
        return terminated();
      }
    }
    // The line runs past the buffer: gather it in the line array across refills.
    bytes = line;
    start = 0;
    length = 0;
    while (true) {
      if (position == limit) {
        limit = in.read(buffer, 0, buffer.length);
        position = 0;
        if (limit <= 0) {
          limit = 0;
          if (length == 0) {
            return false;
          }
          lastTerminated = false;
          return true;
        }
      }
      int from = position;
      while (position < limit && buffer[position] != '\n') {
        position++;
      }
      append(from, position - from);
      if (position < limit) {
        position++;
        return terminated();
      }
    }
  }

  /**
   * Like {@link #next()}, and also finds the line's fields in the same pass over its bytes:
   * afterwards {@link #fieldStarts()} holds each field's start offset in {@link #bytes()}, then one
   * past the line's end (so field {@code i} ends at {@code fieldStarts()[i + 1] - 1}). Returns the
   * number of fields, or -1 at the end of the input.
   */
  int nextFields() throws IOException {
    int fields = 0;
    starts[0] = position;
    for (int i = position; i < limit; i++) {
      byte c = buffer[i];
      if (c == ',') {
        fields++;
        if (fields + 1 >= starts.length) {
          starts = Arrays.copyOf(starts, starts.length * 2);
        }
        starts[fields] = i + 1;
      } else if (c == '\n') {
        bytes = buffer;
        start = position;
        length = i - position;
        position = i + 1;
        terminated();
        starts[fields + 1] = start + length + 1;
        return fields + 1;
      }
    }
    // The line runs past the buffer: gather it, then split the gathered copy.
    if (!next()) {
      return -1;
    }
    fields = 0;
    starts[0] = start;
    for (int i = start; i < start + length; i++) {
      if (bytes[i] == ',') {
        fields++;
        if (fields + 1 >= starts.length) {
          starts = Arrays.copyOf(starts, starts.length * 2);
        }
        starts[fields] = i + 1;
      }
    }
    starts[fields + 1] = start + length + 1;
    return fields + 1;
  }

  /** Field offsets of the line read by {@link #nextFields()}. */
  int[] fieldStarts() {
    return starts;
  }

  /** Ends a line that had its line break; a Windows line break's CR is not part of the line. */
  private boolean terminated() {
    lastTerminated = true;
    if (length > 0 && bytes[start + length - 1] == '\r') {
      length--;
    }
    return true;
  }

  private void append(int from, int count) {
    if (length + count > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
      bytes = line;
    }
    System.arraycopy(buffer, from, line, length, count);
    length += count;
  }

  /** The array holding the current line, from {@link #start()}; valid until the next call. */
  byte[] bytes() {
    return bytes;
  }

  int start() {
    return start;
  }

  int length() {
    return length;
  }

  boolean blank() {
    for (int i = start; i < start + length; i++) {
      if (bytes[i] != ' ' && bytes[i] != '\t') {
        return false;
      }
    }
    return true;
  }

  String text() {
    return new String(bytes, start, length, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Whether the line last read ended with a line break. */
  boolean lastLineTerminated() {
    return lastTerminated;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
