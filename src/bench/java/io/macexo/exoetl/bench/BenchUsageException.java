package io.macexo.exoetl.bench;

/**
 * A bad bench command line: {@link BenchMain} prints the message as one line (a stack trace only
 * with {@code --verbose}) and exits 2. The message names the flag and the bad value.
 */
final class BenchUsageException extends RuntimeException {
  BenchUsageException(String message) {
    super(message);
  }
}
