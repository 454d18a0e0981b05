package io.macexo.exoetl.stats;

import java.io.Serializable;

/**
 * Count, NaN count, mean, sum of squared deviations, min and max of one feature, NaN-aware. Built
 * by Welford's update and merged by Chan's formula, so per-trial partials add up to exactly the
 * same numbers as one pass over everything (to double precision), in any order: what incremental
 * runs need to recompute only changed participants.
 */
public record Moments(long count, long nanCount, double mean, double m2, double min, double max)
    implements Serializable {
  public static final Moments EMPTY =
      new Moments(0, 0, 0.0, 0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);

  /** Population standard deviation; NaN when there are no values. */
  public double std() {
    return count == 0 ? Double.NaN : Math.sqrt(m2 / count);
  }

  /** The moments of two disjoint sets of values together. */
  public Moments merge(Moments other) {
    if (other.count == 0) {
      return new Moments(count, nanCount + other.nanCount, mean, m2, min, max);
    }
    if (count == 0) {
      return new Moments(
          other.count, nanCount + other.nanCount, other.mean, other.m2, other.min, other.max);
    }
    long total = count + other.count;
    double delta = other.mean - mean;
    double mergedMean = mean + delta * other.count / total;
    double mergedM2 = m2 + other.m2 + delta * delta * ((double) count * other.count / total);
    return new Moments(
        total,
        nanCount + other.nanCount,
        mergedMean,
        mergedM2,
        Math.min(min, other.min),
        Math.max(max, other.max));
  }

  /** The moments of column {@code column} of a (rows x width) matrix. */
  public static Moments ofColumn(float[][] matrix, int column) {
    long count = 0;
    long nans = 0;
    double mean = 0;
    double m2 = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (float[] row : matrix) {
      double value = row[column];
      if (Double.isNaN(value)) {
        nans++;
        continue;
      }
      count++;
      double delta = value - mean;
      mean += delta / count;
      m2 += delta * (value - mean);
      min = Math.min(min, value);
      max = Math.max(max, value);
    }
    return new Moments(count, nans, mean, m2, min, max);
  }
}
