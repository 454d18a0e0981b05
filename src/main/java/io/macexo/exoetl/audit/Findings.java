package io.macexo.exoetl.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * What the checks of one audit found so far, in the order found: problems, and notes on what was
 * skipped or narrowed and why.
 */
record Findings(List<Problem> problems, List<String> notes) {
  Findings() {
    this(new ArrayList<>(), new ArrayList<>());
  }

  void add(Problem problem) {
    problems.add(problem);
  }

  void addAll(List<Problem> found) {
    problems.addAll(found);
  }

  void note(String note) {
    notes.add(note);
  }
}
