package io.macexo.exoetl.hub;

import java.util.regex.Pattern;

/**
 * What to sync where, and how carefully. Checked on construction, so a bad value fails before any
 * request with a line naming it.
 *
 * @param output the prepare output, a URI ({@code file:}, {@code s3a:}) or a plain path
 * @param revision the branch to commit to, {@code main} by default; created from main if missing
 * @param visibility of a repo this sync creates (an existing repo keeps its own)
 * @param message the description of every commit (the summary names the participants)
 * @param commitSizing how many files a commit may touch, adapted as commits go
 * @param parallelUploads how many files are hashed and uploaded at a time
 * @param force take over files no exo-etl sync wrote (they are replaced or deleted); implies {@code
 *     prune}: a takeover makes the repo hold what the output holds
 * @param prune allow deleting more than half of the remote data files without replacement
 * @param tag a tag to put on the sync's final commit, or null
 */
public record SyncOptions(
    String output,
    RepoId repo,
    String revision,
    Visibility visibility,
    boolean dryRun,
    String message,
    CommitSizing commitSizing,
    int parallelUploads,
    boolean force,
    boolean prune,
    String tag) {
  public static final String DEFAULT_REVISION = "main";
  public static final int DEFAULT_PARALLEL_UPLOADS = 4;
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  public SyncOptions {
    if (output == null || output.isBlank()) {
      throw new IllegalArgumentException("Cannot sync: the output location is blank");
    }
    if (revision == null
        || revision.isBlank()
        || revision.contains("..")
        || revision.startsWith("/")) {
      throw new IllegalArgumentException(
          "Cannot sync to revision '" + revision + "' (--revision): not a branch name");
    }
    if (parallelUploads < 1 || parallelUploads > 16) {
      throw new IllegalArgumentException(
          "Cannot sync with " + parallelUploads + " parallel uploads: use 1 to 16");
    }
    if (tag != null
        && (!TAG.matcher(tag).matches() || tag.contains("..") || tag.endsWith(".lock"))) {
      throw new IllegalArgumentException(
          "Cannot tag the sync as '"
              + tag
              + "' (--tag): use letters, digits, '.', '_' or '-', at most 100 characters");
    }
    message = message == null ? "" : message;
  }

  /** Defaults: branch main, no visibility sent, real run, adaptive commits, no tag. */
  public static SyncOptions of(String output, RepoId repo) {
    return new SyncOptions(
        output,
        repo,
        DEFAULT_REVISION,
        Visibility.DEFAULT,
        false,
        "Uploaded by exo-etl sync",
        CommitSizing.standard(),
        DEFAULT_PARALLEL_UPLOADS,
        false,
        false,
        null);
  }

  /** True when the sync may create its branch (pull-request refs cannot be created). */
  public boolean branchCreatable() {
    return !revision.startsWith("refs/");
  }

  public SyncOptions withRevision(String value) {
    return new Builder(this).revision(value).build();
  }

  public SyncOptions withVisibility(Visibility value) {
    return new Builder(this).visibility(value).build();
  }

  public SyncOptions withDryRun(boolean value) {
    return new Builder(this).dryRun(value).build();
  }

  public SyncOptions withMessage(String value) {
    return new Builder(this).message(value).build();
  }

  public SyncOptions withCommitSizing(CommitSizing value) {
    return new Builder(this).commitSizing(value).build();
  }

  public SyncOptions withParallelUploads(int value) {
    return new Builder(this).parallelUploads(value).build();
  }

  public SyncOptions withForce(boolean value) {
    return new Builder(this).force(value).build();
  }

  public SyncOptions withPrune(boolean value) {
    return new Builder(this).prune(value).build();
  }

  public SyncOptions withTag(String value) {
    return new Builder(this).tag(value).build();
  }

  /** A copy with one value changed at a time; the record's constructor checks the result. */
  private static final class Builder {
    private final SyncOptions from;
    private String revision;
    private Visibility visibility;
    private boolean dryRun;
    private String message;
    private CommitSizing commitSizing;
    private int parallelUploads;
    private boolean force;
    private boolean prune;
    private String tag;

    Builder(SyncOptions from) {
      this.from = from;
      this.revision = from.revision;
      this.visibility = from.visibility;
      this.dryRun = from.dryRun;
      this.message = from.message;
      this.commitSizing = from.commitSizing;
      this.parallelUploads = from.parallelUploads;
      this.force = from.force;
      this.prune = from.prune;
      this.tag = from.tag;
    }

    Builder revision(String value) {
      revision = value;
      return this;
    }

    Builder visibility(Visibility value) {
      visibility = value;
      return this;
    }

    Builder dryRun(boolean value) {
      dryRun = value;
      return this;
    }

    Builder message(String value) {
      message = value;
      return this;
    }

    Builder commitSizing(CommitSizing value) {
      commitSizing = value;
      return this;
    }

    Builder parallelUploads(int value) {
      parallelUploads = value;
      return this;
    }

    Builder force(boolean value) {
      force = value;
      return this;
    }

    Builder prune(boolean value) {
      prune = value;
      return this;
    }

    Builder tag(String value) {
      tag = value;
      return this;
    }

    SyncOptions build() {
      return new SyncOptions(
          from.output,
          from.repo,
          revision,
          visibility,
          dryRun,
          message,
          commitSizing,
          parallelUploads,
          force,
          prune,
          tag);
    }
  }
}
