package io.macexo.exoetl.hub;

/**
 * The rules a path inside a repo must follow, as {@code _commit_api.py} checks them before building
 * a commit: relative, forward slashes, no empty, {@code .} or {@code ..} segment, nothing inside
 * {@code .git}. The dev-hub applies the same rules to what it receives.
 */
public final class RepoPaths {
  private RepoPaths() {}

  /**
   * Returns the path when it is valid.
   *
   * @throws IllegalArgumentException naming the path and the rule it breaks
   */
  public static String requireValid(String path) {
    String problem = problem(path);
    if (problem != null) {
      throw new IllegalArgumentException(
          "Cannot use '" + path + "' as a path in the repo: " + problem);
    }
    return path;
  }

  /** What is wrong with the path, or null when nothing is. */
  public static String problem(String path) {
    if (path == null || path.isEmpty()) {
      return "it is empty";
    }
    if (path.indexOf('\\') >= 0) {
      return "it contains a backslash (use '/')";
    }
    if (path.startsWith("/")) {
      return "it starts with '/' (paths are relative to the repo root)";
    }
    if (path.indexOf('\0') >= 0 || path.indexOf('\n') >= 0 || path.indexOf('\r') >= 0) {
      return "it contains a control character";
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty()) {
        return "it has an empty segment ('//' or a trailing '/')";
      }
      if (segment.equals(".") || segment.equals("..")) {
        return "it has a '" + segment + "' segment";
      }
      if (segment.equals(".git")) {
        return "it points inside .git";
      }
    }
    return null;
  }
}
