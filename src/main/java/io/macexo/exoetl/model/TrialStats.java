package io.macexo.exoetl.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-feature {@link Moments} of one trial (or of many, once merged), in output order: every
 * feature of the first selection group, then the second's, and so on (by default the 24 IMU
 * features, then the 4 angles, then the 4 moments). Computed on the executor that assembled the
 * trial.
 */
public record TrialStats(List<Moments> features) implements Serializable {
  public TrialStats {
    features = List.copyOf(features);
  }

  /** No values yet, for {@code width} features. */
  public static TrialStats empty(int width) {
    List<Moments> features = new ArrayList<>();
    for (int i = 0; i < width; i++) {
      features.add(Moments.EMPTY);
    }
    return new TrialStats(features);
  }

  /** The moments of every column of the matrices, in order. */
  public static TrialStats of(List<float[][]> matrices) {
    List<Moments> features = new ArrayList<>();
    for (float[][] matrix : matrices) {
      int width = matrix.length == 0 ? 0 : matrix[0].length;
      features.addAll(List.of(Moments.ofColumns(matrix, width)));
    }
    return new TrialStats(features);
  }

  /**
   * The share of NaN among the values of each group of consecutive features, e.g. widths {@code
   * [24, 4, 4]} give the NaN shares of the IMU, angle and moment arrays; 0 for a group with no
   * values.
   */
  public List<Double> nanShares(List<Integer> widths) {
    List<Double> shares = new ArrayList<>();
    int from = 0;
    for (int width : widths) {
      long nan = 0;
      long all = 0;
      for (Moments feature : features.subList(from, from + width)) {
        nan += feature.nanCount();
        all += feature.nanCount() + feature.count();
      }
      shares.add(all == 0 ? 0.0 : (double) nan / all);
      from += width;
    }
    return shares;
  }

  public TrialStats merge(TrialStats other) {
    if (features.isEmpty()) {
      return other;
    }
    if (other.features.isEmpty()) {
      return this;
    }
    if (other.features.size() != features.size()) {
      throw new IllegalArgumentException(
          "Cannot merge statistics of "
              + features.size()
              + " and "
              + other.features.size()
              + " features");
    }
    List<Moments> merged = new ArrayList<>();
    for (int i = 0; i < features.size(); i++) {
      merged.add(features.get(i).merge(other.features.get(i)));
    }
    return new TrialStats(merged);
  }
}
