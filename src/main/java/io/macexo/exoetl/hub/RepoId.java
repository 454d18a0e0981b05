package io.macexo.exoetl.hub;

import java.util.regex.Pattern;

/**
 * A dataset repository on the Hub, {@code namespace/name}. Checked like the Hub checks it (letters,
 * digits, {@code - _ .}, at most 96 characters, no {@code --} or {@code ..}), so a typo fails
 * before any request.
 */
public record RepoId(String namespace, String name) {
  private static final Pattern PART = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,95}");

  public RepoId {
    check(namespace, "namespace");
    check(name, "name");
  }

  /** Parses {@code NS/NAME}. */
  public static RepoId parse(String text) {
    String[] parts = text == null ? new String[0] : text.split("/", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException(
          "Cannot use '"
              + text
              + "' as a repo id: expected NAMESPACE/NAME, e.g. macexo/exo-phase1");
    }
    return new RepoId(parts[0], parts[1]);
  }

  private static void check(String part, String what) {
    if (part == null
        || !PART.matcher(part).matches()
        || part.contains("--")
        || part.contains("..")
        || part.endsWith(".git")) {
      throw new IllegalArgumentException(
          "Cannot use '"
              + part
              + "' as a repo "
              + what
              + ": use letters, digits, '-', '_' or '.', at most 96 characters, no '--' or '..'");
    }
  }

  /** The API path of a dataset repo, e.g. {@code /api/datasets/macexo/exo}. */
  public String apiPath() {
    return "/api/datasets/" + this;
  }

  /** The web and Git path of a dataset repo, e.g. {@code /datasets/macexo/exo}. */
  public String webPath() {
    return "/datasets/" + this;
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
