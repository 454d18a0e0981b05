package io.macexo.exoetl.hub;

/**
 * What looking up {@code repo@revision} found: the head commit, or which part is missing. The Hub
 * tells the two 404s apart by {@code X-Error-Code} ({@code RepoNotFound}, {@code
 * RevisionNotFound}); without one, {@link HubClient#lookup} asks about the repo itself.
 *
 * @param head the head commit; null when something is missing
 * @param repoExists false when the repo itself is missing
 */
public record RevisionLookup(String head, boolean repoExists) {
  public static final RevisionLookup MISSING_REPO = new RevisionLookup(null, false);
  public static final RevisionLookup MISSING_REVISION = new RevisionLookup(null, true);

  public RevisionLookup {
    if (head != null && !repoExists) {
      throw new IllegalArgumentException("Cannot have a head in a repo that does not exist");
    }
  }

  static RevisionLookup found(String head) {
    if (head == null || head.isBlank()) {
      throw HubException.local("read the revision", "the Hub's answer has no sha");
    }
    return new RevisionLookup(head, true);
  }

  public boolean found() {
    return head != null;
  }
}
