package io.macexo.exoetl.model;

import java.util.Comparator;

/**
 * A problem found in a trial, ordered exactly like the issue struct struct the DataFrame engine
 * takes the minimum of: precedence, file kind, line, code, detail. Both engines therefore report
 * the same issue for the same trial.
 */
public record Issue(ReasonCode code, int kind, long line, String detail)
    implements Comparable<Issue> {
  private static final Comparator<Issue> ORDER =
      Comparator.comparingInt((Issue issue) -> issue.code().precedence())
          .thenComparingInt(Issue::kind)
          .thenComparingLong(Issue::line)
          .thenComparing(issue -> issue.code().name())
          .thenComparing(Issue::detail);

  @Override
  public int compareTo(Issue other) {
    return ORDER.compare(this, other);
  }

  /** The smaller of two issues, either of which may be null. */
  public static Issue first(Issue a, Issue b) {
    if (a == null) {
      return b;
    }
    return b == null || a.compareTo(b) <= 0 ? a : b;
  }
}
