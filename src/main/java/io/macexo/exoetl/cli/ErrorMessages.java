package io.macexo.exoetl.cli;

/**
 * Turns an unexpected failure into one line: the innermost cause's class and message, which is what
 * a person can act on (Spark wraps causes several levels deep).
 */
final class ErrorMessages {
  private ErrorMessages() {}

  static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
    return root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
  }
}
