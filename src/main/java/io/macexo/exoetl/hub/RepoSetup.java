package io.macexo.exoetl.hub;

/**
 * Makes sure the repo and branch a sync commits to exist, and finds the head to plan against. The
 * repo is looked up first, so an existing one is never "created" (a fine-grained token that may
 * write it but not create repos works); a missing repo is created (see {@link HubRepos}); a missing
 * branch is created from the head of main. A dry run creates nothing: it plans a missing repo as
 * empty and a missing branch as main.
 */
final class RepoSetup {
  private final HubClient client;
  private final SyncOptions options;
  private final SyncProgress progress;

  RepoSetup(HubClient client, SyncOptions options, SyncProgress progress) {
    this.client = client;
    this.options = options;
    this.progress = progress;
  }

  /**
   * Where to plan against.
   *
   * @param head the head commit, null for a repo that does not exist (dry run)
   * @param revision the revision whose files are listed (main for a branch a dry run would create)
   */
  record Target(String head, String revision) {}

  Target prepare() {
    RepoId repo = options.repo();
    RevisionLookup found = client.lookup(repo, options.revision());
    if (found.found()) {
      return new Target(found.head(), options.revision());
    }
    if (!found.repoExists()) {
      if (options.dryRun()) {
        return new Target(null, options.revision());
      }
      createRepo(repo);
      found = client.lookup(repo, options.revision());
      if (found.found()) {
        return new Target(found.head(), options.revision());
      }
    }
    return createBranch(repo);
  }

  private void createRepo(RepoId repo) {
    if (client.repos().createRepo(repo, options.visibility())) {
      progress.line(
          "Created dataset repo "
              + repo
              + switch (options.visibility()) {
                case PRIVATE -> " (private)";
                case PUBLIC -> " (public)";
                case DEFAULT -> " (the namespace's default visibility)";
              });
    }
  }

  private Target createBranch(RepoId repo) {
    String branch = options.revision();
    String action = "sync to " + repo + "@" + branch;
    if (!options.branchCreatable()) {
      throw HubException.local(
          action, "the revision does not exist, and sync creates only branches");
    }
    if (options.dryRun()) {
      progress.line("Branch " + branch + " does not exist yet: a real run creates it from main");
      return new Target(client.headCommit(repo, SyncOptions.DEFAULT_REVISION).orElse(null), "main");
    }
    if (client.repos().createBranch(repo, branch)) {
      progress.line("Created branch " + branch + " of " + repo + " from main");
    }
    String head =
        client
            .headCommit(repo, branch)
            .orElseThrow(
                () -> HubException.local(action, "the branch was created but cannot be read"));
    return new Target(head, branch);
  }
}
