package io.macexo.exoetl.report;

import java.util.Arrays;

/**
 * Thins a long series for plotting. A 30,801-sample trial drawn point by point makes a heavy page
 * and no visible detail, so the samples are cut into buckets and each bucket keeps its smallest and
 * largest finite value (in time order): peaks survive, which plain striding would lose. A bucket
 * that is at least half NaN becomes one NaN point, so NaN gaps stay visible as breaks in the line.
 */
final class Downsampler {
  /** A thinned series: sample indexes and values, NaN where the line breaks. */
  record Points(double[] x, double[] y) {
    int size() {
      return x.length;
    }
  }

  private Downsampler() {}

  /** At most {@code maxPoints} points (at least 2) of {@code values}, indexed by sample. */
  static Points thin(float[] values, int maxPoints) {
    if (maxPoints < 2) {
      throw new IllegalArgumentException("maxPoints must be 2 or more, not " + maxPoints);
    }
    int n = values.length;
    if (n <= maxPoints) {
      double[] x = new double[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = i;
        y[i] = values[i];
      }
      return new Points(x, y);
    }
    int buckets = maxPoints / 2;
    double[] x = new double[buckets * 2];
    double[] y = new double[buckets * 2];
    int size = 0;
    for (int b = 0; b < buckets; b++) {
      int from = (int) ((long) b * n / buckets);
      int to = (int) ((long) (b + 1) * n / buckets);
      size = keepExtremes(values, from, to, x, y, size);
    }
    return new Points(Arrays.copyOf(x, size), Arrays.copyOf(y, size));
  }

  private static int keepExtremes(
      float[] values, int from, int to, double[] x, double[] y, int at) {
    int low = -1;
    int high = -1;
    int nan = 0;
    for (int i = from; i < to; i++) {
      if (Float.isNaN(values[i])) {
        nan++;
      } else {
        low = low < 0 || values[i] < values[low] ? i : low;
        high = high < 0 || values[i] > values[high] ? i : high;
      }
    }
    if (low < 0 || nan * 2 >= to - from) {
      x[at] = (from + to) / 2.0;
      y[at] = Double.NaN;
      return at + 1;
    }
    int first = Math.min(low, high);
    int second = Math.max(low, high);
    x[at] = first;
    y[at++] = values[first];
    if (second != first) {
      x[at] = second;
      y[at++] = values[second];
    }
    return at;
  }
}
