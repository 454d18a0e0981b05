package io.macexo.exoetl.pipeline;

import io.macexo.exoetl.model.TrialFiles;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Cuts trials into the per-trial engine's tasks. Pure: no Spark, no I/O.
 *
 * <p>Slices are contiguous in trial order (participant, then trial), so a participant spans few
 * tasks and so few files, and hold about equal bytes rather than equal trial counts, because a
 * trial's work is its bytes (real trials range from 1,200 to 30,801 rows). They come out largest
 * first: Spark starts tasks in partition order, and starting the big ones first leaves only small
 * ones for the end of the job, when some cores would otherwise wait for the last big task.
 */
final class TrialSlices {
  /** About this many trials a slice on average: progress steps and files per participant. */
  static final int TRIALS_PER_SLICE = 16;

  private TrialSlices() {}

  /**
   * @param trials sorted in output order
   * @param parallelism cores of the cluster; there are at least twice as many slices, and a
   *     multiple of them unless there are fewer trials
   */
  static List<Slice> of(List<TrialFiles> trials, int parallelism) {
    if (trials.isEmpty()) {
      return List.of();
    }
    int cores = Math.max(1, parallelism);
    int wanted = Math.max(2 * cores, (trials.size() + TRIALS_PER_SLICE - 1) / TRIALS_PER_SLICE);
    // A multiple of the cores: slices of equal bytes then give every core the same work.
    int count = Math.min(trials.size(), (wanted + cores - 1) / cores * cores);
    long total = 0;
    for (TrialFiles trial : trials) {
      total += Math.max(1, trial.bytes());
    }
    List<Slice> slices = new ArrayList<>();
    List<TrialFiles> current = new ArrayList<>();
    long done = 0;
    for (int i = 0; i < trials.size(); i++) {
      TrialFiles trial = trials.get(i);
      current.add(trial);
      done += Math.max(1, trial.bytes());
      int remainingTrials = trials.size() - i - 1;
      int remainingSlices = count - slices.size() - 1;
      // Close the slice once it reaches its share of the bytes, or when every remaining slice
      // needs one of the remaining trials.
      boolean full = done * count >= total * (slices.size() + 1L);
      if (remainingSlices > 0 && (full || remainingTrials == remainingSlices)) {
        slices.add(new Slice(slices.size(), current));
        current = new ArrayList<>();
      }
    }
    slices.add(new Slice(slices.size(), current));
    slices.sort(Comparator.comparingLong(Slice::bytes).reversed());
    return slices;
  }

  /**
   * One task's trials, and the slice's position in trial order, which names its files: readers that
   * take files in name order then see each participant's trials in order, whatever order the tasks
   * ran in.
   */
  record Slice(int order, List<TrialFiles> trials) implements java.io.Serializable {
    long bytes() {
      return trials.stream().mapToLong(TrialFiles::bytes).sum();
    }
  }
}
