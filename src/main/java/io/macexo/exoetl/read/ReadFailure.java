package io.macexo.exoetl.read;

import io.macexo.exoetl.model.Rejections;
import java.io.IOException;

/**
 * A trial's input file could not be opened or read: the trial becomes an {@code UNREADABLE_FILE}
 * reject naming the file and the cause, and the run goes on. Raised only by the streams {@link
 * HadoopFiles#open} hands out, so a failure of the parser or of the writer is never mistaken for
 * bad input.
 */
public final class ReadFailure extends IOException {
  private static final long serialVersionUID = 1L;
  private final String fileName;

  ReadFailure(String fileName, Throwable cause) {
    super("cannot read " + fileName + ": " + Rejections.describe(cause), cause);
    this.fileName = fileName;
  }

  public String fileName() {
    return fileName;
  }
}
