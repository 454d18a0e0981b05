package io.macexo.exoetl.config;

import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The selected column names per file, in output order. */
public record FeatureSet(
    String timeColumn, List<String> imu, List<String> angle, List<String> moment)
    implements Serializable {
  public FeatureSet {
    imu = List.copyOf(imu);
    angle = List.copyOf(angle);
    moment = List.copyOf(moment);
    requireDistinct("exo-etl.features.imu", imu);
    requireDistinct("exo-etl.features.angle", angle);
    requireDistinct("exo-etl.features.moment", moment);
    if (timeColumn == null || timeColumn.isBlank()) {
      throw new ConfigException("exo-etl.time-column", "must not be blank");
    }
  }

  /** The selected columns of one file kind. */
  public List<String> columnsOf(io.macexo.exoetl.model.FileKind kind) {
    return switch (kind) {
      case EXO -> imu;
      case ANGLE -> angle;
      case MOMENT -> moment;
    };
  }

  private static void requireDistinct(String key, List<String> names) {
    if (names.isEmpty()) {
      throw new ConfigException(key, "must name at least one column");
    }
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (!seen.add(name)) {
        throw new ConfigException(key, "names column '" + name + "' twice");
      }
    }
  }
}
