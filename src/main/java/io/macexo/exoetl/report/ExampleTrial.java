package io.macexo.exoetl.report;

import java.util.List;

/**
 * One trial to plot in the report: its four angle inputs and four moment targets over time. The
 * driver holds one trial (at most 30,801 × 8 floats, about 1 MB), read by {@link
 * ExampleTrialReader} or built by hand in tests.
 *
 * @param participant participant folder, e.g. {@code BT01}
 * @param trialName trial folder, e.g. {@code normal_walk_1_1-2_on}
 * @param samplingRateHz samples per second, for the time axis
 * @param angleNames the names of the angle columns, in column order
 * @param angles seq × angleNames.size(), degrees, NaN where missing
 * @param momentNames the names of the moment columns, in column order
 * @param moments seq × momentNames.size(), Nm/kg, NaN where missing
 */
public record ExampleTrial(
    String participant,
    String trialName,
    int samplingRateHz,
    List<String> angleNames,
    float[][] angles,
    List<String> momentNames,
    float[][] moments) {
  public ExampleTrial {
    angleNames = List.copyOf(angleNames);
    momentNames = List.copyOf(momentNames);
    if (samplingRateHz <= 0) {
      throw new IllegalArgumentException("samplingRateHz must be positive, not " + samplingRateHz);
    }
    requireWidth("angles", angles, angleNames.size());
    requireWidth("moments", moments, momentNames.size());
    if (angles.length != moments.length) {
      throw new IllegalArgumentException(
          "angles and moments must have the same length, not "
              + angles.length
              + " and "
              + moments.length);
    }
  }

  /** Number of samples. */
  public int length() {
    return angles.length;
  }

  /** Column {@code index} of a seq × width matrix, as one series. */
  static float[] column(float[][] matrix, int index) {
    float[] column = new float[matrix.length];
    for (int i = 0; i < matrix.length; i++) {
      column[i] = matrix[i][index];
    }
    return column;
  }

  private static void requireWidth(String what, float[][] matrix, int width) {
    for (int i = 0; i < matrix.length; i++) {
      if (matrix[i] == null || matrix[i].length != width) {
        throw new IllegalArgumentException(
            what + " row " + i + " must have " + width + " values, as many as the names");
      }
    }
  }
}
