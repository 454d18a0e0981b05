package io.macexo.exoetl.synth;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes ASCII CSV text straight into a large byte buffer and flushes it to a file. Numbers are
 * formatted by hand with six fixed decimals: {@code String.format} per value is about 50 times
 * slower and would cap the generator far below disk speed.
 */
final class CsvSink implements Closeable {
  /** Large enough that the file system sees few, big writes. */
  private static final int BUFFER_BYTES = 1 << 19;

  /** Room a single number can take: sign, up to 13 integer digits, point, six decimals. */
  private static final int NUMBER_ROOM = 32;

  private static final long DECIMAL_SCALE = 1_000_000;
  private static final int DECIMALS = 6;

  /**
   * Beyond this magnitude the fixed format would overflow a long; such values fall back to
   * toString.
   */
  private static final double FIXED_LIMIT = 1e12;

  private final OutputStream out;
  private final byte[] buffer = new byte[BUFFER_BYTES];
  private int used;
  private long flushed;

  private CsvSink(OutputStream out) {
    this.out = out;
  }

  /** Creates (or truncates) a file. */
  static CsvSink create(Path file) throws IOException {
    return new CsvSink(Files.newOutputStream(file));
  }

  /** Bytes written so far, buffered ones included. */
  long position() {
    return flushed + used;
  }

  CsvSink text(String text) throws IOException {
    int length = text.length();
    if (used + length > buffer.length) {
      flush();
    }
    if (length > buffer.length) {
      out.write(text.getBytes(StandardCharsets.US_ASCII));
      flushed += length;
      return this;
    }
    for (int index = 0; index < length; index++) {
      buffer[used++] = (byte) text.charAt(index);
    }
    return this;
  }

  CsvSink comma() throws IOException {
    return put((byte) ',');
  }

  CsvSink newline() throws IOException {
    return put((byte) '\n');
  }

  /** A finite value with six decimals, e.g. {@code -12.345678}; never {@code -0.000000}. */
  CsvSink fixed(double value) throws IOException {
    double magnitude = Math.abs(value);
    if (!(magnitude < FIXED_LIMIT)) {
      return text(Double.toString(value));
    }
    ensureRoom();
    long scaled = (long) (magnitude * DECIMAL_SCALE + 0.5);
    if (value < 0 && scaled != 0) {
      buffer[used++] = '-';
    }
    digits(scaled / DECIMAL_SCALE, 1);
    buffer[used++] = '.';
    digits(scaled % DECIMAL_SCALE, DECIMALS);
    return this;
  }

  /**
   * A whole number of milliseconds as seconds with three decimals, e.g. 41760 as {@code 41.760}.
   */
  CsvSink milliseconds(long milliseconds) throws IOException {
    ensureRoom();
    digits(milliseconds / 1000, 1);
    buffer[used++] = '.';
    digits(milliseconds % 1000, 3);
    return this;
  }

  @Override
  public void close() throws IOException {
    try {
      flush();
    } finally {
      out.close();
    }
  }

  private CsvSink put(byte character) throws IOException {
    if (used == buffer.length) {
      flush();
    }
    buffer[used++] = character;
    return this;
  }

  /** Writes a non-negative number with at least {@code width} digits, zero-padded on the left. */
  private void digits(long value, int width) {
    int count = 1;
    for (long rest = value / 10; rest > 0; rest /= 10) {
      count++;
    }
    count = Math.max(count, width);
    long rest = value;
    for (int index = used + count - 1; index >= used; index--) {
      buffer[index] = (byte) ('0' + rest % 10);
      rest /= 10;
    }
    used += count;
  }

  private void ensureRoom() throws IOException {
    if (used + NUMBER_ROOM > buffer.length) {
      flush();
    }
  }

  private void flush() throws IOException {
    out.write(buffer, 0, used);
    flushed += used;
    used = 0;
  }
}
