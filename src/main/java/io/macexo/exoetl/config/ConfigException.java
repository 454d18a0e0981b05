package io.macexo.exoetl.config;

/**
 * A user mistake in configuration or arguments. The CLI prints {@link #getMessage()} as one line,
 * without a stack trace unless --verbose is given.
 */
public final class ConfigException extends RuntimeException {
  private final String key;

  public ConfigException(String key, String problem) {
    super(key + ": " + problem);
    this.key = key;
  }

  /** The configuration key or command-line flag at fault. */
  public String key() {
    return key;
  }
}
