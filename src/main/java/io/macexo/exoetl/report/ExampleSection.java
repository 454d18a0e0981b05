package io.macexo.exoetl.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One written trial plotted: its plotted matrices (the angle inputs and the moment targets) over
 * time, NaN blocks shown as gaps, long trials thinned to {@link LineChart#MAX_POINTS} points per
 * line. A whole trial shows dozens of strides squeezed together, so trials longer than twice {@link
 * #ZOOM_SECONDS} also get their first seconds drawn at full resolution, where the shape of each
 * stride can be judged.
 */
final class ExampleSection {
  static final String ID = "example";
  static final int ZOOM_SECONDS = 5;

  private ExampleSection() {}

  static String render(ExampleTrial example) {
    if (example == null) {
      return Html.section(ID, "Example trial", Html.note("no example trial available"));
    }
    String intro =
        Html.paragraph(
            example.participant()
                + " / "
                + example.trialName()
                + ": "
                + Formats.count(example.length())
                + " samples ("
                + Formats.number(example.length() / (double) example.samplingRateHz())
                + " s at "
                + example.samplingRateHz()
                + " Hz)"
                + nanNote(example)
                + ".");
    int zoom = ZOOM_SECONDS * example.samplingRateHz();
    int shown = example.length() > 2 * zoom ? zoom : 0;
    StringBuilder charts = new StringBuilder();
    for (ExampleTrial.Matrix matrix : example.matrices()) {
      LineChart.Axes axes = new LineChart.Axes(example.samplingRateHz(), matrix.unit());
      charts.append(
          charts(new Panel(matrix.title(), matrix.names(), matrix.values(), axes), shown));
    }
    return Html.section(ID, "Example trial", intro + charts);
  }

  /** One matrix of the trial to draw: what it is, its column names, its values, its axes. */
  private record Panel(String what, List<String> names, float[][] values, LineChart.Axes axes) {
    String title() {
      return what;
    }
  }

  /** The whole-trial chart of a panel and, when {@code zoom > 0}, its first samples. */
  private static String charts(Panel panel, int zoom) {
    String whole =
        LineChart.render(
            panel.what() + " over time",
            series(panel.names(), panel.values(), panel.values().length),
            panel.axes());
    if (zoom == 0) {
      return Html.text("h3", panel.title()) + whole;
    }
    String first =
        LineChart.render(
            panel.what() + ", first " + ZOOM_SECONDS + " s",
            series(panel.names(), panel.values(), zoom),
            panel.axes());
    return Html.text("h3", panel.title() + ": whole trial")
        + whole
        + Html.text("h3", panel.title() + ": first " + ZOOM_SECONDS + " s")
        + first;
  }

  private static List<LineChart.Series> series(List<String> names, float[][] matrix, int length) {
    List<LineChart.Series> series = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      float[] column = ExampleTrial.column(matrix, i);
      series.add(new LineChart.Series(names.get(i), Arrays.copyOf(column, length)));
    }
    return series;
  }

  private static String nanNote(ExampleTrial example) {
    long nan = 0;
    long total = 0;
    for (ExampleTrial.Matrix matrix : example.matrices()) {
      nan += countNan(matrix.values());
      total += (long) example.length() * matrix.names().size();
    }
    return nan == 0
        ? ""
        : "; " + Formats.percent(nan / (double) total) + " of the values are NaN (gaps)";
  }

  private static long countNan(float[][] matrix) {
    long nan = 0;
    for (float[] row : matrix) {
      for (float value : row) {
        nan += Float.isNaN(value) ? 1 : 0;
      }
    }
    return nan;
  }
}
