package io.macexo.exoetl.hub;

/**
 * The visibility a new repo is created with. {@link #DEFAULT} sends none, as the official clients
 * do unless asked, so an organisation's default (often private) applies; an existing repo keeps its
 * own either way.
 */
public enum Visibility {
  DEFAULT,
  PRIVATE,
  PUBLIC;

  /** The {@code visibility} value of the create call, or null to send none. */
  String wireValue() {
    return switch (this) {
      case DEFAULT -> null;
      case PRIVATE -> "private";
      case PUBLIC -> "public";
    };
  }
}
