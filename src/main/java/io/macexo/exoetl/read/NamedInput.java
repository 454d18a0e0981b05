package io.macexo.exoetl.read;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An input file's stream whose every failure is a {@link ReadFailure} naming the file: an I/O error
 * mid-read, a connection dropped after the S3 client's retries, or a runtime exception some file
 * system client throws from {@code read} instead of an {@code IOException}.
 */
final class NamedInput extends FilterInputStream {
  private final String fileName;

  NamedInput(InputStream in, String fileName) {
    super(in);
    this.fileName = fileName;
  }

  @Override
  public int read() throws IOException {
    try {
      return super.read();
    } catch (IOException | RuntimeException e) {
      throw new ReadFailure(fileName, e);
    }
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    try {
      return in.read(buffer, offset, length);
    } catch (IOException | RuntimeException e) {
      throw new ReadFailure(fileName, e);
    }
  }

  @Override
  public long skip(long n) throws IOException {
    try {
      return super.skip(n);
    } catch (IOException | RuntimeException e) {
      throw new ReadFailure(fileName, e);
    }
  }

  @Override
  public int available() throws IOException {
    try {
      return super.available();
    } catch (IOException | RuntimeException e) {
      throw new ReadFailure(fileName, e);
    }
  }
}
