package io.macexo.exoetl.read;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * Reads lines like {@link java.io.BufferedReader#readLine()} but also tells whether the last line
 * ended with a line break, which is how a file cut off mid-write shows itself.
 */
final class LineSource implements Closeable {
  private static final int BUFFER_CHARS = 1 << 16;

  private final Reader reader;
  private final char[] buffer = new char[BUFFER_CHARS];
  private int position;
  private int limit;
  private boolean lastTerminated = true;
  private final StringBuilder line = new StringBuilder(1024);

  LineSource(InputStream in) {
    this.reader = new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  /** The next line without its line break, or null at the end of the input. */
  String next() throws IOException {
    line.setLength(0);
    while (true) {
      if (position == limit) {
        limit = reader.read(buffer, 0, buffer.length);
        position = 0;
        if (limit <= 0) {
          limit = 0;
          if (line.length() == 0) {
            return null;
          }
          lastTerminated = false;
          return line.toString();
        }
      }
      int start = position;
      while (position < limit && buffer[position] != '\n') {
        position++;
      }
      line.append(buffer, start, position - start);
      if (position < limit) {
        position++;
        lastTerminated = true;
        int length = line.length();
        if (length > 0 && line.charAt(length - 1) == '\r') {
          line.setLength(length - 1);
        }
        return line.toString();
      }
    }
  }

  /** Whether the line last returned by {@link #next()} ended with a line break. */
  boolean lastLineTerminated() {
    return lastTerminated;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
