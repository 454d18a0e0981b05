package io.macexo.exoetl.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Vertical histogram of counts over adjacent bins, with a round bin width chosen for about twenty
 * bins. Used for sequence lengths, where the real data spans 216 to 30,801 samples.
 */
final class Histogram {
  private static final double WIDTH = 900;
  private static final double HEIGHT = 240;
  private static final double LEFT = 50;
  private static final double BOTTOM = 36;

  /** One bin: {@code [lower, upper)} holding {@code count} values. */
  record Bin(double lower, double upper, long count) {}

  private Histogram() {}

  /** Bins of a round width (1, 2 or 5 times a power of ten) covering every value. */
  static List<Bin> bin(int[] values) {
    if (values.length == 0) {
      return List.of();
    }
    int min = java.util.Arrays.stream(values).min().orElseThrow();
    int max = java.util.Arrays.stream(values).max().orElseThrow();
    double width = roundWidth(Math.max(1, max - min) / 20.0);
    double start = Math.floor(min / width) * width;
    int count = (int) Math.floor((max - start) / width) + 1;
    long[] counts = new long[count];
    for (int value : values) {
      counts[(int) Math.floor((value - start) / width)]++;
    }
    List<Bin> bins = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      bins.add(new Bin(start + i * width, start + (i + 1) * width, counts[i]));
    }
    return bins;
  }

  /** The histogram as inline SVG, x labelled with {@code xLabel}. */
  static String render(String title, List<Bin> bins, String xLabel) {
    Svg svg = new Svg(WIDTH, HEIGHT, title);
    if (bins.isEmpty()) {
      return svg.text(WIDTH / 2, HEIGHT / 2, "middle", "no values").render();
    }
    long maxCount = bins.stream().mapToLong(Bin::count).max().orElse(1);
    LinearScale x =
        new LinearScale(bins.get(0).lower(), bins.get(bins.size() - 1).upper(), LEFT, WIDTH - 16);
    LinearScale y = LinearScale.nice(0, Math.max(1, maxCount), HEIGHT - BOTTOM, 10);
    for (double tick : y.ticks()) {
      svg.line(LEFT, y.apply(tick), WIDTH - 16, y.apply(tick), Svg.GRID);
      svg.text(LEFT - 6, y.apply(tick) + 4, "end", Formats.count(Math.round(tick)));
    }
    for (Bin bin : bins) {
      double left = x.apply(bin.lower()) + 1;
      double top = y.apply(bin.count());
      svg.rect(left, top, x.apply(bin.upper()) - left - 1, y.apply(0) - top, Svg.WRITTEN);
    }
    for (double tick : LinearScale.nice(x.domainLow(), x.domainHigh(), LEFT, WIDTH - 16).ticks()) {
      if (tick >= x.domainLow() && tick <= x.domainHigh()) {
        svg.line(x.apply(tick), HEIGHT - BOTTOM, x.apply(tick), HEIGHT - BOTTOM + 4, Svg.AXIS);
        svg.text(x.apply(tick), HEIGHT - BOTTOM + 16, "middle", Formats.count(Math.round(tick)));
      }
    }
    svg.line(LEFT, HEIGHT - BOTTOM, WIDTH - 16, HEIGHT - BOTTOM, Svg.AXIS);
    return svg.text((LEFT + WIDTH) / 2, HEIGHT - 4, "middle", xLabel).render();
  }

  private static double roundWidth(double rough) {
    double power = Math.pow(10, Math.floor(Math.log10(rough)));
    double fraction = rough / power;
    double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
    return Math.max(1, nice * power);
  }
}
