package io.macexo.exoetl.model;

import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One array column of the dataset and where it comes from: the columns {@code features} of each
 * trial's file {@code {participant}_{trial}_{file}.csv}, taken by header name, in this order, as a
 * (sequence x width) float32 matrix named {@code column}. The selection of a run is a list of these
 * ({@link Selection}); reading, merging, writing, statistics, the dataset card and {@code validate}
 * all follow it, so a new file kind is a configuration change.
 *
 * @param name the group's key under {@code exo-etl.selection}, e.g. {@code imu}
 * @param file the file kind, e.g. {@code exo} for {@code BT01_walk_1_on_exo.csv}; matched whole,
 *     never as a suffix ({@code _power_exo.csv} is another kind)
 * @param column the output column, e.g. {@code imu_features}
 * @param features the selected CSV columns, in output order
 * @param unit the unit of every feature, or empty when they differ (the IMU's m/s² and deg/s)
 * @param description one sentence for the dataset card
 */
public record FeatureGroup(
    String name, String file, String column, List<String> features, String unit, String description)
    implements Serializable {
  public FeatureGroup {
    features = List.copyOf(features);
    String key = "exo-etl.selection." + name;
    requireText(key + ".file", file);
    requireText(key + ".column", column);
    if (!column.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException(
          key + ".column: must be lower case letters, digits and _, not '" + column + "'");
    }
    if (features.isEmpty()) {
      throw new IllegalArgumentException(key + ".features: must name at least one column");
    }
    Set<String> seen = new HashSet<>();
    for (String feature : features) {
      if (!seen.add(feature)) {
        throw new IllegalArgumentException(key + ".features: names column '" + feature + "' twice");
      }
    }
  }

  /** Values per sample. */
  public int width() {
    return features.size();
  }

  /** The exact file name of this group's file in a trial folder. */
  public String fileName(String participant, String trial) {
    return participant + "_" + trial + "_" + file + ".csv";
  }

  private static void requireText(String key, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(key + ": must not be blank");
    }
  }
}
