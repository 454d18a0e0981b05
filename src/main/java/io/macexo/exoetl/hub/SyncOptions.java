package io.macexo.exoetl.hub;

/**
 * What to sync where.
 *
 * @param output the prepare output, a URI ({@code file:}, {@code s3a:}) or a plain path
 * @param revision the branch to commit to, {@code main} by default
 * @param message the description of every commit (the summary names the participant folder)
 * @param maxOperations the most files one commit may touch
 * @param parallelUploads how many files are hashed and uploaded at a time
 */
public record SyncOptions(
    String output,
    RepoId repo,
    String revision,
    boolean privateRepo,
    boolean dryRun,
    String message,
    int maxOperations,
    int parallelUploads) {
  public static final String DEFAULT_REVISION = "main";
  public static final int DEFAULT_PARALLEL_UPLOADS = 4;

  public SyncOptions {
    if (output == null || output.isBlank()) {
      throw new IllegalArgumentException("Cannot sync: the output location is blank");
    }
    if (revision == null
        || revision.isBlank()
        || revision.contains("..")
        || revision.startsWith("/")) {
      throw new IllegalArgumentException(
          "Cannot sync to revision '" + revision + "': not a branch name");
    }
    if (maxOperations < 1 || maxOperations > CommitPayload.MAX_OPERATIONS) {
      throw new IllegalArgumentException(
          "Cannot sync with "
              + maxOperations
              + " files per commit: use 1 to "
              + CommitPayload.MAX_OPERATIONS);
    }
    if (parallelUploads < 1 || parallelUploads > 16) {
      throw new IllegalArgumentException(
          "Cannot sync with " + parallelUploads + " parallel uploads: use 1 to 16");
    }
    message = message == null ? "" : message;
  }

  /** Defaults: branch main, public, real run, 50 files per commit, a generic description. */
  public static SyncOptions of(String output, RepoId repo) {
    return new SyncOptions(
        output,
        repo,
        DEFAULT_REVISION,
        false,
        false,
        "Uploaded by exo-etl sync",
        CommitPayload.MAX_OPERATIONS,
        DEFAULT_PARALLEL_UPLOADS);
  }

  public SyncOptions withRevision(String newRevision) {
    return new SyncOptions(
        output, repo, newRevision, privateRepo, dryRun, message, maxOperations, parallelUploads);
  }

  public SyncOptions withPrivate(boolean newPrivate) {
    return new SyncOptions(
        output, repo, revision, newPrivate, dryRun, message, maxOperations, parallelUploads);
  }

  public SyncOptions withDryRun(boolean newDryRun) {
    return new SyncOptions(
        output, repo, revision, privateRepo, newDryRun, message, maxOperations, parallelUploads);
  }

  public SyncOptions withMessage(String newMessage) {
    return new SyncOptions(
        output, repo, revision, privateRepo, dryRun, newMessage, maxOperations, parallelUploads);
  }

  public SyncOptions withParallelUploads(int newParallel) {
    return new SyncOptions(
        output, repo, revision, privateRepo, dryRun, message, maxOperations, newParallel);
  }
}
