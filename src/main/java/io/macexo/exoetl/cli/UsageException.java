package io.macexo.exoetl.cli;

/** A bad command line. Main prints the message as one line (no stack trace) and exits 2. */
public final class UsageException extends RuntimeException {
  public UsageException(String message) {
    super(message);
  }
}
