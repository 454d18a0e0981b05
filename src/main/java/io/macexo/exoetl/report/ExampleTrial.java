package io.macexo.exoetl.report;

import java.util.List;

/**
 * One trial to plot in the report: some of its matrices over time (by default the four angle inputs
 * and the four moment targets: the groups of the selection with one unit and a few features). The
 * driver holds one trial (at most 30,801 × 8 floats, about 1 MB), read by {@link
 * ExampleTrialReader} or built by hand in tests.
 *
 * @param participant participant folder, e.g. {@code BT01}
 * @param trialName trial folder, e.g. {@code normal_walk_1_1-2_on}
 * @param samplingRateHz samples per second, for the time axis
 * @param matrices the plotted matrices, all of the same length
 */
public record ExampleTrial(
    String participant, String trialName, int samplingRateHz, List<Matrix> matrices) {
  /**
   * One plotted matrix.
   *
   * @param title what it is, e.g. {@code angle_features}
   * @param unit of every column, e.g. {@code deg}
   * @param names the column names, in column order
   * @param values seq × names.size(), NaN where missing
   */
  public record Matrix(String title, String unit, List<String> names, float[][] values) {
    public Matrix {
      names = List.copyOf(names);
      for (int i = 0; i < values.length; i++) {
        if (values[i] == null || values[i].length != names.size()) {
          throw new IllegalArgumentException(
              title + " row " + i + " must have " + names.size() + " values, as many as the names");
        }
      }
    }
  }

  public ExampleTrial {
    matrices = List.copyOf(matrices);
    if (samplingRateHz <= 0) {
      throw new IllegalArgumentException("samplingRateHz must be positive, not " + samplingRateHz);
    }
    for (Matrix matrix : matrices) {
      if (matrix.values().length != matrices.get(0).values().length) {
        throw new IllegalArgumentException(
            "matrices must have the same length, not "
                + matrices.get(0).values().length
                + " and "
                + matrix.values().length);
      }
    }
  }

  /** Number of samples. */
  public int length() {
    return matrices.isEmpty() ? 0 : matrices.get(0).values().length;
  }

  /** Column {@code index} of a seq × width matrix, as one series. */
  static float[] column(float[][] matrix, int index) {
    float[] column = new float[matrix.length];
    for (int i = 0; i < matrix.length; i++) {
      column[i] = matrix[i][index];
    }
    return column;
  }
}
