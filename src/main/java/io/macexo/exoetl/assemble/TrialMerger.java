package io.macexo.exoetl.assemble;

import io.macexo.exoetl.model.Issue;
import io.macexo.exoetl.model.ReasonCode;
import io.macexo.exoetl.model.Rejections;
import io.macexo.exoetl.model.TrialId;
import io.macexo.exoetl.read.CsvLineReader;
import io.macexo.exoetl.read.ParsedLine;
import io.macexo.exoetl.validate.LineChecks;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The join of one trial: reads its files (one per selection group, already opened by the caller),
 * checks every line ({@link LineChecks}), matches the files on the time step and builds the float
 * matrices, in one task and without a shuffle. When a trial has several problems, the one first in
 * precedence, then file, then line wins. The DataFrame formulation of the same rules (a join and a
 * group-by) lives in the tests as the oracle that proves this one.
 *
 * <p>A trial never holds more than its own rows in memory: about 8 MB for the longest real trial
 * (30,801 rows x 32 doubles).
 */
public final class TrialMerger {
  private final int samplingRateHz;
  private final boolean rejectNan;

  public TrialMerger(int samplingRateHz, boolean rejectNan) {
    this.samplingRateHz = samplingRateHz;
    this.rejectNan = rejectNan;
  }

  /** Merges a trial's files, given in selection group order. */
  public TrialOutcome merge(TrialId id, List<CsvLineReader> files) throws IOException {
    List<String> kinds = files.stream().map(file -> file.task().kind()).toList();
    List<FileLines> read = new ArrayList<>();
    Issue issue = null;
    for (CsvLineReader file : files) {
      FileLines lines =
          FileLines.read(file, new LineChecks(file.task(), file.expectedFields(), rejectNan));
      issue = Issue.first(issue, lines.issue());
      read.add(lines);
    }
    if (issue == null || issue.code().precedence() > ReasonCode.LENGTH_MISMATCH.precedence()) {
      issue = Issue.first(issue, firstMismatch(read, kinds));
    }
    if (issue == null && read.get(0).size() == 0) {
      issue = Rejections.emptyTrial();
    }
    if (issue != null) {
      return TrialOutcome.rejected(id, issue);
    }
    return new TrialOutcome(id, null, read.stream().map(FileLines::matrix).toList());
  }

  /**
   * The smallest step that some file lacks. Without an earlier issue every file's steps strictly
   * increase, so a merge of the three sorted lists finds it.
   */
  private Issue firstMismatch(List<FileLines> files, List<String> kinds) {
    int[] position = new int[files.size()];
    while (true) {
      // Not Long.MAX_VALUE as "none left": rounding clamps a huge time (1e17 s) to that step.
      boolean remaining = false;
      long smallest = Long.MAX_VALUE;
      for (int k = 0; k < files.size(); k++) {
        if (position[k] < files.get(k).size()) {
          remaining = true;
          smallest = Math.min(smallest, files.get(k).step(position[k]));
        }
      }
      if (!remaining) {
        return null;
      }
      List<String> present = new ArrayList<>();
      List<String> absent = new ArrayList<>();
      for (int k = 0; k < files.size(); k++) {
        boolean here =
            position[k] < files.get(k).size() && files.get(k).step(position[k]) == smallest;
        (here ? present : absent).add(kinds.get(k));
        position[k] += here ? 1 : 0;
      }
      if (!absent.isEmpty()) {
        return mismatch(smallest, present, absent);
      }
    }
  }

  private Issue mismatch(long step, List<String> present, List<String> absent) {
    return Rejections.lengthMismatch(step, samplingRateHz, present, absent);
  }

  /** One file's steps and values, kept flat in growable primitive arrays. */
  private static final class FileLines {
    private long[] steps = new long[1024];
    private double[] values;
    private final int width;
    private int size;
    private Issue issue;

    private FileLines(int width) {
      this.width = width;
      this.values = new double[1024 * width];
    }

    static FileLines read(CsvLineReader file, LineChecks checks) throws IOException {
      FileLines lines = new FileLines(file.task().selected().size());
      if (file.headerProblem() != null) {
        lines.issue = file.headerProblem();
        return lines;
      }
      ParsedLine line = new ParsedLine();
      while (file.next(line)) {
        lines.issue = Issue.first(lines.issue, checks.check(line));
        if (line.hasStep()) {
          lines.add(line.step(), line.values());
        }
      }
      return lines;
    }

    private void add(long step, double[] row) {
      if (size == steps.length) {
        steps = Arrays.copyOf(steps, size * 2);
        values = Arrays.copyOf(values, size * 2 * width);
      }
      steps[size] = step;
      if (row != null) {
        System.arraycopy(row, 0, values, size * width, width);
      }
      size++;
    }

    Issue issue() {
      return issue;
    }

    int size() {
      return size;
    }

    long step(int index) {
      return steps[index];
    }

    float[][] matrix() {
      float[][] matrix = new float[size][width];
      for (int r = 0; r < size; r++) {
        for (int c = 0; c < width; c++) {
          matrix[r][c] = (float) values[r * width + c];
        }
      }
      return matrix;
    }
  }
}
