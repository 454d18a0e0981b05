package io.macexo.exoetl.read;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads lines as bytes, without decoding to Strings: the Phase1 files are ASCII, and decoding plus
 * a String per line was the largest cost of parsing after the numbers themselves (see
 * docs/performance.md). Also tells whether the last line ended with a line break, which is how a
 * file cut off mid-write shows itself. The current line lives in {@link #line()} up to {@link
 * #length()}.
 */
final class ByteLines implements Closeable {
  private static final int BUFFER_BYTES = 1 << 16;

  private final InputStream in;
  private final byte[] buffer = new byte[BUFFER_BYTES];
  private int position;
  private int limit;
  private byte[] line = new byte[1024];
  private int length;
  private boolean lastTerminated = true;

  ByteLines(InputStream in) {
    this.in = in;
  }

  /** Reads the next line (without its line break); false at the end of the input. */
  boolean next() throws IOException {
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
      int start = position;
      while (position < limit && buffer[position] != '\n') {
        position++;
      }
      append(start, position - start);
      if (position < limit) {
        position++;
        lastTerminated = true;
        if (length > 0 && line[length - 1] == '\r') {
          length--;
        }
        return true;
      }
    }
  }

  private void append(int start, int count) {
    if (length + count > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
    }
    System.arraycopy(buffer, start, line, length, count);
    length += count;
  }

  byte[] line() {
    return line;
  }

  int length() {
    return length;
  }

  boolean blank() {
    for (int i = 0; i < length; i++) {
      if (line[i] != ' ' && line[i] != '\t') {
        return false;
      }
    }
    return true;
  }

  String text() {
    return new String(line, 0, length, java.nio.charset.StandardCharsets.UTF_8);
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
