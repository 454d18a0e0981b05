package io.macexo.exoetl.report;

/**
 * A one-line picture of a feature's distribution on an axis shared by its kind: a whisker from min
 * to max, a box from mean − std to mean + std, a dot at the mean and a faint line at zero. Sharing
 * the axis within a kind (all accelerometers, all gyros, ...) makes a feature in the wrong unit
 * stand out at a glance.
 */
final class RangeGlyph {
  static final double WIDTH = 280;
  private static final double HEIGHT = 18;
  private static final double PAD = 6;

  private RangeGlyph() {}

  /** The shared scale of a kind: covers every feature's min and max, and zero. */
  static LinearScale scaleFor(Iterable<FeatureStats> features) {
    double low = 0;
    double high = 0;
    for (FeatureStats feature : features) {
      if (feature.hasValues()) {
        low = Math.min(low, feature.min());
        high = Math.max(high, feature.max());
      }
    }
    return LinearScale.nice(low, high, PAD, WIDTH - PAD);
  }

  /** The glyph of one feature, red when it is flagged. */
  static String render(FeatureStats feature, LinearScale x, boolean flagged) {
    Svg svg = new Svg(WIDTH, HEIGHT, feature.name() + " distribution");
    svg.line(x.apply(0), 1, x.apply(0), HEIGHT - 1, Svg.GRID);
    if (!feature.hasValues()) {
      return svg.text(WIDTH / 2, 13, "middle", "no values").render();
    }
    String color = flagged ? Svg.FLAGGED : Svg.WRITTEN;
    double mid = HEIGHT / 2;
    svg.line(x.apply(feature.min()), mid, x.apply(feature.max()), mid, color);
    svg.line(x.apply(feature.min()), mid - 4, x.apply(feature.min()), mid + 4, color);
    svg.line(x.apply(feature.max()), mid - 4, x.apply(feature.max()), mid + 4, color);
    if (Double.isFinite(feature.mean())) {
      double spread = Double.isFinite(feature.std()) ? feature.std() : 0;
      double left = x.apply(clamp(feature.mean() - spread, x));
      double right = x.apply(clamp(feature.mean() + spread, x));
      svg.rect(left, mid - 5, Math.max(1, right - left), 10, color + "55");
      svg.circle(x.apply(feature.mean()), mid, 3, color);
    }
    return svg.render();
  }

  /** Tick labels of a shared scale, drawn above the glyph column. */
  static String axis(LinearScale x, String unit) {
    Svg svg = new Svg(WIDTH, 22, "axis in " + unit);
    for (double tick : x.ticks(3)) {
      double at = x.apply(tick);
      // Edge labels are anchored inwards so the first and last are not cut off.
      String anchor = at < 20 ? "start" : at > WIDTH - 20 ? "end" : "middle";
      svg.line(at, 16, at, 22, Svg.AXIS);
      svg.text(at, 12, anchor, Formats.tick(tick));
    }
    return svg.render();
  }

  private static double clamp(double value, LinearScale x) {
    return Math.max(x.domainLow(), Math.min(x.domainHigh(), value));
  }
}
