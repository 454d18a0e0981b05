package io.macexo.exoetl.assemble;

import io.macexo.exoetl.model.FileKind;
import io.macexo.exoetl.model.ReasonCode;
import io.macexo.exoetl.model.TrialId;
import io.macexo.exoetl.read.CsvLineReader;
import io.macexo.exoetl.read.ParsedLine;
import io.macexo.exoetl.validate.Issue;
import io.macexo.exoetl.validate.LineChecks;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The per-trial engine's join: reads a trial's three files (already opened by the caller) in one
 * task, checks every line, matches the files on the timestep and builds the float matrices. It
 * applies the same rules as {@link TrialAssembler} with the same precedence and sentences, without
 * a shuffle.
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

  /** Merges the three files, given in {@link FileKind} order. */
  public TrialOutcome merge(TrialId id, List<CsvLineReader> files) throws IOException {
    List<FileLines> read = new ArrayList<>();
    Issue issue = null;
    for (CsvLineReader file : files) {
      FileLines lines =
          FileLines.read(file, new LineChecks(file.task(), file.expectedFields(), rejectNan));
      issue = Issue.first(issue, lines.issue());
      read.add(lines);
    }
    if (issue == null || issue.code().precedence() > ReasonCode.LENGTH_MISMATCH.precedence()) {
      issue = Issue.first(issue, firstMismatch(read));
    }
    if (issue == null && read.get(0).size() == 0) {
      issue =
          new Issue(ReasonCode.EMPTY_TRIAL, 0, 0, "the three files have headers but no data rows");
    }
    if (issue != null) {
      return TrialOutcome.rejected(id, issue);
    }
    return new TrialOutcome(
        id, null, read.get(0).matrix(), read.get(1).matrix(), read.get(2).matrix());
  }

  /**
   * The smallest step that some file lacks. Without an earlier issue every file's steps strictly
   * increase, so a merge of the three sorted lists finds it.
   */
  private Issue firstMismatch(List<FileLines> files) {
    int[] position = new int[files.size()];
    while (true) {
      long smallest = Long.MAX_VALUE;
      for (int k = 0; k < files.size(); k++) {
        if (position[k] < files.get(k).size()) {
          smallest = Math.min(smallest, files.get(k).step(position[k]));
        }
      }
      if (smallest == Long.MAX_VALUE) {
        return null;
      }
      List<String> present = new ArrayList<>();
      List<String> absent = new ArrayList<>();
      for (int k = 0; k < files.size(); k++) {
        boolean here =
            position[k] < files.get(k).size() && files.get(k).step(position[k]) == smallest;
        (here ? present : absent).add(FileKind.values()[k].suffix());
        position[k] += here ? 1 : 0;
      }
      if (!absent.isEmpty()) {
        return mismatch(smallest, present, absent);
      }
    }
  }

  private Issue mismatch(long step, List<String> present, List<String> absent) {
    String seconds = String.format(Locale.US, "%.3f", step / (double) samplingRateHz);
    return new Issue(
        ReasonCode.LENGTH_MISMATCH,
        0,
        step,
        "time step "
            + step
            + " (t = "
            + seconds
            + " s) is in "
            + String.join(", ", present)
            + " but not in "
            + String.join(", ", absent));
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
        lines.issue =
            new Issue(
                file.headerProblem(),
                file.task().kind().ordinal(),
                file.headerLine(),
                file.headerDetail());
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
