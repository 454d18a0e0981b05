package io.macexo.exoetl.hub.devhub;

import java.util.Arrays;
import java.util.List;

/**
 * Maps a method and a raw path to a {@link Route} and its parts. API paths name the repo type in
 * the plural ({@code /api/datasets/NS/NAME/...}); Git and file paths leave it out for models
 * ({@code /NS/NAME.git/...}, {@code /datasets/NS/NAME/resolve/...}). Segments are percent-decoded
 * one by one, so an encoded revision such as {@code refs%2Fpr%2F1} stays one segment.
 *
 * @param repoKey {@code dataset/NS/NAME}, or null for routes without a repo
 * @param revision the revision segment, or null
 * @param path the path in the repo (or the storage object id), or empty
 * @param detail {@code resolve} or {@code raw} for file reads, the part number for a part upload
 */
record RouteMatch(Route route, String repoKey, String revision, String path, String detail) {
  private static final List<String> TYPES = List.of("datasets", "models", "spaces");

  static RouteMatch of(String method, String rawPath) {
    String[] raw = rawPath.replaceFirst("^/+", "").split("/", -1);
    String[] s = Arrays.stream(raw).map(DevRequest::decodeSegment).toArray(String[]::new);
    if (s.length >= 2 && s[0].equals("lfs-storage")) {
      return storage(method, s);
    }
    if (s.length >= 1 && s[0].equals("api")) {
      return api(method, s);
    }
    return web(method, s);
  }

  private static RouteMatch api(String method, String[] s) {
    if (s.length == 3 && s[1].equals("repos") && s[2].equals("create") && method.equals("POST")) {
      return new RouteMatch(Route.CREATE_REPO, null, null, "", "");
    }
    if (s.length == 2 && s[1].equals("whoami-v2")) {
      return new RouteMatch(Route.WHOAMI, null, null, "", "");
    }
    if (s.length < 4 || !TYPES.contains(s[1])) {
      return unknown();
    }
    String repo = key(s[1], s[2], s[3]);
    if (s.length == 4 && method.equals("GET")) {
      return new RouteMatch(Route.REPO_INFO, repo, "HEAD", "", "");
    }
    if (s.length == 5 && s[4].equals("refs") && method.equals("GET")) {
      return new RouteMatch(Route.REFS, repo, null, "", "");
    }
    if (s.length < 6) {
      return unknown();
    }
    String rest = String.join("/", Arrays.asList(s).subList(6, s.length));
    Route route =
        switch (s[4] + " " + method) {
          case "revision GET" -> Route.REPO_INFO;
          case "preupload POST" -> Route.PREUPLOAD;
          case "commit POST" -> Route.COMMIT;
          case "tree GET" -> Route.TREE;
          case "paths-info POST" -> Route.PATHS_INFO;
          case "commits GET" -> Route.COMMITS;
          case "branch POST" -> Route.CREATE_BRANCH;
          case "tag POST" -> Route.CREATE_TAG;
          default -> Route.UNKNOWN;
        };
    return route == Route.UNKNOWN ? unknown() : new RouteMatch(route, repo, s[5], rest, "");
  }

  private static RouteMatch web(String method, String[] s) {
    boolean typed = s.length > 0 && TYPES.contains(s[0]);
    int at = typed ? 1 : 0;
    String type = typed ? s[0] : "models";
    if (s.length == at + 6
        && s[at + 1].endsWith(".git")
        && method.equals("POST")
        && String.join("/", Arrays.asList(s).subList(at + 2, at + 5)).equals("info/lfs/objects")) {
      String repo = key(type, s[at], s[at + 1].substring(0, s[at + 1].length() - 4));
      Route route =
          s[at + 5].equals("batch")
              ? Route.LFS_BATCH
              : s[at + 5].equals("verify") ? Route.LFS_VERIFY : Route.UNKNOWN;
      return route == Route.UNKNOWN ? unknown() : new RouteMatch(route, repo, null, "", "");
    }
    boolean read = method.equals("GET") || method.equals("HEAD");
    if (read && s.length >= at + 5 && (s[at + 2].equals("resolve") || s[at + 2].equals("raw"))) {
      String path = String.join("/", Arrays.asList(s).subList(at + 4, s.length));
      return new RouteMatch(Route.RESOLVE, key(type, s[at], s[at + 1]), s[at + 3], path, s[at + 2]);
    }
    return unknown();
  }

  private static RouteMatch storage(String method, String[] s) {
    if (s.length == 2 && method.equals("PUT")) {
      return new RouteMatch(Route.LFS_UPLOAD, null, null, s[1], "");
    }
    if (s.length == 4 && s[2].equals("part") && method.equals("PUT")) {
      return new RouteMatch(Route.LFS_PART, null, null, s[1], s[3]);
    }
    if (s.length == 3 && s[2].equals("complete") && method.equals("POST")) {
      return new RouteMatch(Route.LFS_COMPLETE, null, null, s[1], "");
    }
    return unknown();
  }

  private static String key(String pluralType, String namespace, String name) {
    return pluralType.substring(0, pluralType.length() - 1) + "/" + namespace + "/" + name;
  }

  private static RouteMatch unknown() {
    return new RouteMatch(Route.UNKNOWN, null, null, "", "");
  }
}
