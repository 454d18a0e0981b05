package io.macexo.exoetl.model;

/**
 * A failure whose message is written for people ("Cannot <do X>: <reason>"), printed as one line
 * without the exception's class name; the run exits with "failed".
 */
public class ExoEtlException extends RuntimeException {
  public ExoEtlException(String message) {
    super(message);
  }

  public ExoEtlException(String message, Throwable cause) {
    super(message, cause);
  }
}
