package io.macexo.exoetl.report;

import static io.macexo.exoetl.report.Formats.coordinate;

import java.util.List;

/**
 * A tiny builder of inline SVG. Charts are drawn in Java and embedded in the page as markup, so the
 * report needs no script, no font and no network. Text is escaped; colours come from {@link
 * #PALETTE} (Okabe–Ito, readable by colour-blind readers).
 */
final class Svg {
  /** Series colours, in order. */
  static final List<String> PALETTE =
      List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9");

  static final String AXIS = "#888";
  static final String GRID = "#e5e5e5";
  static final String WRITTEN = "#0072B2";
  static final String REJECTED = "#D55E00";
  static final String FLAGGED = "#D55E00";

  private final StringBuilder body = new StringBuilder();
  private final double width;
  private final double height;
  private final String label;

  /**
   * @param label what the chart shows, for screen readers and the browser test
   */
  Svg(double width, double height, String label) {
    this.width = width;
    this.height = height;
    this.label = label;
  }

  Svg rect(double x, double y, double w, double h, String fill) {
    body.append(
        "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\"/>"
            .formatted(
                coordinate(x),
                coordinate(y),
                coordinate(Math.max(0, w)),
                coordinate(Math.max(0, h)),
                fill));
    return this;
  }

  Svg line(double x1, double y1, double x2, double y2, String stroke) {
    body.append(
        "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\"/>"
            .formatted(coordinate(x1), coordinate(y1), coordinate(x2), coordinate(y2), stroke));
    return this;
  }

  Svg circle(double cx, double cy, double r, String fill) {
    body.append(
        "<circle cx=\"%s\" cy=\"%s\" r=\"%s\" fill=\"%s\"/>"
            .formatted(coordinate(cx), coordinate(cy), coordinate(r), fill));
    return this;
  }

  /** Text anchored at start, middle or end; the text is escaped. */
  Svg text(double x, double y, String anchor, String text) {
    body.append(
        "<text x=\"%s\" y=\"%s\" text-anchor=\"%s\">%s</text>"
            .formatted(coordinate(x), coordinate(y), anchor, Html.escape(text)));
    return this;
  }

  /** A path outline (already built from coordinates), drawn as a stroke. */
  Svg path(String d, String stroke, double strokeWidth) {
    if (!d.isEmpty()) {
      body.append(
          "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%s\"/>"
              .formatted(d, stroke, coordinate(strokeWidth)));
    }
    return this;
  }

  /** The finished element; its title is what a reader's hover and a screen reader show. */
  String render() {
    return "<svg class=\"chart\" width=\"%s\" height=\"%s\" viewBox=\"0 0 %s %s\" role=\"img\" aria-label=\"%s\"><title>%s</title>%s</svg>"
        .formatted(
            coordinate(width),
            coordinate(height),
            coordinate(width),
            coordinate(height),
            Html.escape(label),
            Html.escape(label),
            body);
  }
}
