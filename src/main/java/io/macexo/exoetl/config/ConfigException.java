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

  /**
   * From a value type's {@code IllegalArgumentException} whose message reads {@code "<key>:
   * <problem>"}, as the records of the selection write them.
   */
  static ConfigException fromKeyedMessage(String message) {
    int colon = message.indexOf(": ");
    return colon < 0
        ? new ConfigException("exo-etl", message)
        : new ConfigException(message.substring(0, colon), message.substring(colon + 2));
  }

  /** The configuration key or command-line flag at fault. */
  public String key() {
    return key;
  }
}
