package io.macexo.exoetl.report;

import java.util.List;

/**
 * Horizontal bar chart: one row per label, a bar of {@code value} and, stacked after it, a second
 * bar of {@code stacked} (e.g. written then rejected trials). Horizontal because the labels (trial
 * families, reason codes) are long; the height grows with the number of rows.
 */
final class BarChart {
  private static final double ROW = 22;
  private static final double TOP = 8;
  private static final double CHAR = 7.2;
  private static final int MAX_LABEL = 32;
  private static final double WIDTH = 900;

  /** One row of the chart. */
  record Bar(String label, long value, long stacked) {
    Bar(String label, long value) {
      this(label, value, 0);
    }

    long total() {
      return value + stacked;
    }
  }

  /** Names of the two stacked quantities and their colours. */
  record Legend(String valueName, String valueColor, String stackedName, String stackedColor) {
    /** A chart with one quantity, nothing stacked. */
    static Legend single(String name, String color) {
      return new Legend(name, color, "", color);
    }
  }

  private BarChart() {}

  /** The chart as inline SVG; the legend names appear above the bars when something is stacked. */
  static String render(String title, List<Bar> bars, Legend legend) {
    int longest = bars.stream().mapToInt(bar -> bar.label().length()).max().orElse(4);
    double left = 16 + Math.min(longest, MAX_LABEL) * CHAR;
    long max = Math.max(1, bars.stream().mapToLong(Bar::total).max().orElse(1));
    boolean stacked = bars.stream().anyMatch(bar -> bar.stacked() > 0);
    double top = TOP + (stacked ? 20 : 0);
    double height = top + bars.size() * ROW + 8;
    LinearScale x = LinearScale.nice(0, max, left, WIDTH - 60);
    Svg svg = new Svg(WIDTH, height, title);
    if (stacked) {
      legend(svg, left, legend);
    }
    for (double tick : x.ticks()) {
      svg.line(x.apply(tick), top - 4, x.apply(tick), height - 8, Svg.GRID);
    }
    for (int i = 0; i < bars.size(); i++) {
      drawBar(svg, x, top + i * ROW, bars.get(i), legend);
    }
    svg.line(left, top - 4, left, height - 8, Svg.AXIS);
    return svg.render();
  }

  private static void drawBar(Svg svg, LinearScale x, double y, Bar bar, Legend legend) {
    double left = x.apply(0);
    double end = x.apply(bar.value());
    double stackEnd = x.apply(bar.total());
    svg.text(left - 6, y + 15, "end", shorten(bar.label(), MAX_LABEL));
    svg.rect(left, y + 3, end - left, ROW - 6, legend.valueColor());
    if (bar.stacked() > 0) {
      svg.rect(end, y + 3, stackEnd - end, ROW - 6, legend.stackedColor());
    }
    String label =
        bar.stacked() > 0
            ? Formats.count(bar.value()) + " + " + Formats.count(bar.stacked())
            : Formats.count(bar.value());
    svg.text(stackEnd + 5, y + 15, "start", label);
  }

  private static String shorten(String label, int maxChars) {
    return label.length() <= maxChars ? label : label.substring(0, maxChars - 1) + "\u2026";
  }

  private static void legend(Svg svg, double left, Legend legend) {
    svg.rect(left, 6, 12, 12, legend.valueColor());
    svg.text(left + 16, 16, "start", legend.valueName());
    double second = left + 28 + legend.valueName().length() * CHAR;
    svg.rect(second, 6, 12, 12, legend.stackedColor());
    svg.text(second + 16, 16, "start", legend.stackedName());
  }
}
