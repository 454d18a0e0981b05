package io.macexo.exoetl.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps a data interval onto a pixel interval and proposes round tick values (1, 2 or 5 times a
 * power of ten), the way every plotting library does, so axes read {@code 0 5 10 15} rather than
 * {@code 0 4.37 8.74}.
 *
 * @param domainLow smallest data value shown
 * @param domainHigh largest data value shown (greater than {@code domainLow})
 * @param rangeLow pixel for {@code domainLow}
 * @param rangeHigh pixel for {@code domainHigh} (may be smaller than {@code rangeLow}, for y axes)
 */
record LinearScale(double domainLow, double domainHigh, double rangeLow, double rangeHigh) {
  LinearScale {
    if (!(domainHigh > domainLow)) {
      throw new IllegalArgumentException(
          "domain must be increasing, not [" + domainLow + ", " + domainHigh + "]");
    }
  }

  /**
   * A scale whose domain covers {@code [low, high]} widened to round ticks; a single value or no
   * finite value still gives a usable domain.
   */
  static LinearScale nice(double low, double high, double rangeLow, double rangeHigh) {
    if (!Double.isFinite(low) || !Double.isFinite(high)) {
      return new LinearScale(0, 1, rangeLow, rangeHigh);
    }
    if (high <= low) {
      double pad = low == 0 ? 1 : Math.abs(low) * 0.1;
      low -= pad;
      high += pad;
    }
    double step = step(low, high, 5);
    return new LinearScale(
        Math.floor(low / step) * step, Math.ceil(high / step) * step, rangeLow, rangeHigh);
  }

  /** The pixel position of a data value. */
  double apply(double value) {
    double fraction = (value - domainLow) / (domainHigh - domainLow);
    return rangeLow + fraction * (rangeHigh - rangeLow);
  }

  /** Round values inside the domain, about five of them. */
  List<Double> ticks() {
    return ticks(5);
  }

  /** Round values inside the domain, about {@code target} of them (fewer on narrow axes). */
  List<Double> ticks(int target) {
    double step = step(domainLow, domainHigh, target);
    List<Double> ticks = new ArrayList<>();
    double first = Math.ceil(domainLow / step - 1e-9) * step;
    for (double tick = first; tick <= domainHigh + step * 1e-9; tick += step) {
      // Decimal arithmetic keeps 0.30000000000000004 off the axis labels.
      ticks.add(
          java.math.BigDecimal.valueOf(Math.round(tick / step))
              .multiply(java.math.BigDecimal.valueOf(step))
              .doubleValue());
    }
    return ticks;
  }

  private static double step(double low, double high, int target) {
    double rough = (high - low) / Math.max(1, target);
    double power = Math.pow(10, Math.floor(Math.log10(rough)));
    double fraction = rough / power;
    double nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
    return nice * power;
  }
}
