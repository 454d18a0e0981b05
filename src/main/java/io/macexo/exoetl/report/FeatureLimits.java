package io.macexo.exoetl.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Plausible ranges per kind of feature, and the flags a feature earns outside them. The limits are
 * generous physical bounds, not statistics: a thigh accelerometer past ±200 m/s² (20 g) or a gyro
 * past ±2000 deg/s is saturated or in the wrong unit; a joint angle past ±180 deg or a moment past
 * ±10 Nm/kg is a unit or sign slip. More than half NaN means the feature is mostly missing.
 */
final class FeatureLimits {
  static final double MAX_NAN_SHARE = 0.5;

  /** A kind of feature: how it is recognised, its unit and its plausible bound. */
  enum Kind {
    ACCEL("IMU accelerometers", "m/s\u00b2", 200),
    GYRO("IMU gyroscopes", "deg/s", 2000),
    ANGLE("joint angles (inputs)", "deg", 180),
    MOMENT("joint moments (targets)", "Nm/kg", 10),
    OTHER("other features", "", Double.POSITIVE_INFINITY);

    final String title;
    final String unit;
    final double bound;

    Kind(String title, String unit, double bound) {
      this.title = title;
      this.unit = unit;
      this.bound = bound;
    }
  }

  /** What kind of unusual a flag reports; a participant's flag repeats the pooled one if equal. */
  enum Category {
    NO_VALUES,
    OUT_OF_RANGE,
    CONSTANT,
    MOSTLY_NAN
  }

  /** One finding about a feature: its category and a sentence with the numbers. */
  record Flag(Category category, String text) {}

  private FeatureLimits() {}

  /** The kind of a feature, from its name first (it is unambiguous), then its group. */
  static Kind kindOf(FeatureStats feature) {
    String name = feature.name().toLowerCase(Locale.ROOT);
    String group = feature.group().toLowerCase(Locale.ROOT);
    if (name.contains("accel")) {
      return Kind.ACCEL;
    }
    if (name.contains("gyro")) {
      return Kind.GYRO;
    }
    if (name.endsWith("_moment") || group.startsWith("moment")) {
      return Kind.MOMENT;
    }
    if (group.startsWith("angle") || name.startsWith("hip_") || name.startsWith("knee_")) {
      return Kind.ANGLE;
    }
    return Kind.OTHER;
  }

  /** What is unusual about a feature; empty when nothing is. */
  static List<Flag> flags(FeatureStats feature) {
    List<Flag> flags = new ArrayList<>();
    Kind kind = kindOf(feature);
    if (!feature.hasValues()) {
      flags.add(new Flag(Category.NO_VALUES, "no finite values"));
    } else {
      if (feature.min() < -kind.bound || feature.max() > kind.bound) {
        String range =
            "range " + Formats.number(feature.min()) + " to " + Formats.number(feature.max());
        String bound = "\u00b1" + Formats.tick(kind.bound) + " " + kind.unit;
        flags.add(new Flag(Category.OUT_OF_RANGE, range + " exceeds " + bound));
      }
      if (feature.std() == 0) {
        flags.add(new Flag(Category.CONSTANT, "constant (std 0)"));
      }
    }
    if (feature.nanShare() > MAX_NAN_SHARE) {
      String share = Formats.percent(feature.nanShare());
      flags.add(new Flag(Category.MOSTLY_NAN, "NaN share " + share + " over 50 %"));
    }
    return flags;
  }

  /** The flags as one sentence for a table cell. */
  static String describe(List<Flag> flags) {
    return String.join("; ", flags.stream().map(Flag::text).toList());
  }
}
