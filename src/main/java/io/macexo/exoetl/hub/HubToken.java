package io.macexo.exoetl.hub;

import java.util.Optional;

/**
 * A Hugging Face access token. Its text is only read to build the {@code authorization} header
 * (and, by {@code dev-hub}, to accept the same token locally); {@link #toString()} never shows it,
 * and {@link #redact} scrubs it from any text that is about to be printed (an error body echoing
 * the request, say), so no log, message or report can carry it.
 */
public final class HubToken {
  private static final String MASK = "hf_***";
  private final String value;

  private HubToken(String value) {
    this.value = value;
  }

  /** A token from raw text (trimmed); empty when the text is null or blank. */
  public static Optional<HubToken> of(String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new HubToken(raw.trim()));
  }

  /**
   * The secret itself: for the authorization header and the dev-hub's accepted set only; never
   * print it.
   */
  public String secret() {
    return value;
  }

  /** The text with every occurrence of the token replaced by a mask. */
  public String redact(String text) {
    return text == null ? null : text.replace(value, MASK);
  }

  @Override
  public String toString() {
    return "HubToken[" + MASK + "]";
  }
}
