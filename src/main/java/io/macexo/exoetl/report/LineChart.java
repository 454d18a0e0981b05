package io.macexo.exoetl.report;

import static io.macexo.exoetl.report.Formats.coordinate;

import java.util.List;

/**
 * Line chart of several series over time. A NaN value lifts the pen, so a NaN block in the data is
 * a visible gap rather than a line drawn across it. Series are thinned by {@link Downsampler} to at
 * most {@link #MAX_POINTS} points each.
 */
final class LineChart {
  static final int MAX_POINTS = 2000;
  private static final double WIDTH = 900;
  private static final double HEIGHT = 260;
  private static final double LEFT = 56;
  private static final double RIGHT = 16;
  private static final double TOP = 28;
  private static final double BOTTOM = 36;

  /** One line: a name for the legend and one value per sample. */
  record Series(String name, float[] values) {}

  /** The axes' meaning: samples per second (for the time axis) and the y unit. */
  record Axes(double samplesPerSecond, String yLabel) {}

  private LineChart() {}

  /** The chart as inline SVG. */
  static String render(String title, List<Series> series, Axes axes) {
    List<Downsampler.Points> thinned =
        series.stream().map(s -> Downsampler.thin(s.values(), MAX_POINTS)).toList();
    int samples = series.stream().mapToInt(s -> s.values().length).max().orElse(1);
    LinearScale x =
        LinearScale.nice(
            0, Math.max(1, samples - 1) / axes.samplesPerSecond(), LEFT, WIDTH - RIGHT);
    LinearScale y = yScale(thinned);
    Svg svg = new Svg(WIDTH, HEIGHT, title);
    grid(svg, x, y, axes);
    for (int i = 0; i < series.size(); i++) {
      String color = Svg.PALETTE.get(i % Svg.PALETTE.size());
      svg.path(path(thinned.get(i), x, y, axes.samplesPerSecond()), color, 1.2);
      double legendX = LEFT + i * 150;
      svg.rect(legendX, 8, 14, 3, color);
      svg.text(legendX + 18, 14, "start", series.get(i).name());
    }
    return svg.render();
  }

  private static LinearScale yScale(List<Downsampler.Points> thinned) {
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (Downsampler.Points points : thinned) {
      for (double value : points.y()) {
        if (!Double.isNaN(value)) {
          low = Math.min(low, value);
          high = Math.max(high, value);
        }
      }
    }
    return LinearScale.nice(low, high, HEIGHT - BOTTOM, TOP);
  }

  private static void grid(Svg svg, LinearScale x, LinearScale y, Axes axes) {
    for (double tick : y.ticks()) {
      svg.line(LEFT, y.apply(tick), WIDTH - RIGHT, y.apply(tick), Svg.GRID);
      svg.text(LEFT - 6, y.apply(tick) + 4, "end", Formats.tick(tick));
    }
    for (double tick : x.ticks()) {
      svg.line(x.apply(tick), HEIGHT - BOTTOM, x.apply(tick), HEIGHT - BOTTOM + 4, Svg.AXIS);
      svg.text(x.apply(tick), HEIGHT - BOTTOM + 16, "middle", Formats.tick(tick));
    }
    svg.line(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, Svg.AXIS);
    svg.line(LEFT, TOP, LEFT, HEIGHT - BOTTOM, Svg.AXIS);
    svg.text((LEFT + WIDTH) / 2, HEIGHT - 4, "middle", "time (s)");
    svg.text(4, TOP - 8, "start", axes.yLabel());
  }

  /** SVG path data: "M" starts a stretch, "L" continues it, NaN ends it. */
  static String path(Downsampler.Points points, LinearScale x, LinearScale y, double rate) {
    StringBuilder d = new StringBuilder();
    boolean penDown = false;
    for (int i = 0; i < points.size(); i++) {
      double value = points.y()[i];
      if (Double.isNaN(value)) {
        penDown = false;
        continue;
      }
      d.append(penDown ? 'L' : 'M')
          .append(coordinate(x.apply(points.x()[i] / rate)))
          .append(',')
          .append(coordinate(y.apply(value)));
      penDown = true;
    }
    return d.toString();
  }
}
