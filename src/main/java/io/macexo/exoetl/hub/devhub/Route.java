package io.macexo.exoetl.hub.devhub;

/** The endpoints the dev-hub serves; requests are counted and failures injected per route. */
public enum Route {
  CREATE_REPO,
  REPO_INFO,
  WHOAMI,
  PREUPLOAD,
  COMMIT,
  TREE,
  PATHS_INFO,
  COMMITS,
  LFS_BATCH,
  LFS_UPLOAD,
  LFS_PART,
  LFS_COMPLETE,
  LFS_VERIFY,
  RESOLVE,
  CREATE_BRANCH,
  CREATE_TAG,
  REFS,
  UNKNOWN;

  /** True for the routes that change state (what a dry run must never call). */
  public boolean writes() {
    return switch (this) {
      case CREATE_REPO, COMMIT, LFS_UPLOAD, LFS_PART, LFS_COMPLETE, CREATE_BRANCH, CREATE_TAG ->
          true;
      default -> false;
    };
  }
}
