package io.macexo.exoetl.report;

import io.macexo.exoetl.model.Versions;
import io.macexo.exoetl.pipeline.ReportWriter;
import java.util.List;

/**
 * Builds the run report: one self-contained HTML page (inline CSS, charts as inline SVG drawn here,
 * no script, no font, no image and no link that would be fetched) so it opens the same from a
 * laptop, an S3 browser or the Hub's file viewer. Pure: the same inputs give the same page, and
 * nothing is read or written; {@link ReportWriter} does the I/O. Runs on the driver over summaries
 * only.
 *
 * <p>Sections: totals and Spark settings; trials per participant and per task family; rejections by
 * reason with every rejected trial; sequence lengths; per-feature distributions from {@code
 * stats.json} with flags; one example trial plotted.
 */
public final class ReportBuilder {
  private static final List<String[]> NAVIGATION =
      List.of(
          new String[] {SummarySection.ID, "Totals"},
          new String[] {TrialsSection.PARTICIPANTS_ID, "Participants"},
          new String[] {TrialsSection.FAMILIES_ID, "Task families"},
          new String[] {RejectsSection.ID, "Rejects"},
          new String[] {TrialsSection.LENGTHS_ID, "Lengths"},
          new String[] {FeatureSection.ID, "Features"},
          new String[] {ExampleSection.ID, "Example"});

  private ReportBuilder() {}

  /** The whole page. */
  public static String build(ReportInputs inputs) {
    StringBuilder page = new StringBuilder(64 * 1024);
    page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append(Html.text("title", "exo-etl run report " + inputs.result().runId()))
        .append("<style>")
        .append(ReportStyle.CSS)
        .append("</style></head>\n<body>\n")
        .append(SummarySection.header(inputs.result()))
        .append(navigation())
        .append("<main>\n")
        .append(SummarySection.render(inputs.result(), inputs.sparkSettings()))
        .append(TrialsSection.participants(inputs.result()))
        .append(TrialsSection.families(inputs.result()))
        .append(RejectsSection.render(inputs.result()))
        .append(TrialsSection.lengths(inputs.result(), inputs.samplingRateHz()))
        .append(FeatureSection.render(inputs.statsIfPresent().orElse(null)))
        .append(ExampleSection.render(inputs.example()))
        .append("</main>\n<footer>")
        .append(
            Html.escape(
                "Made by exo-etl " + Versions.exoEtl() + " (Spark " + Versions.spark() + ")."))
        .append("</footer>\n</body></html>\n");
    return page.toString();
  }

  private static String navigation() {
    StringBuilder nav = new StringBuilder("<nav>");
    for (String[] entry : NAVIGATION) {
      nav.append("<a href=\"#")
          .append(entry[0])
          .append("\">")
          .append(Html.escape(entry[1]))
          .append("</a>");
    }
    return nav.append("</nav>\n").toString();
  }
}
