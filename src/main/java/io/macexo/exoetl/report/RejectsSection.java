package io.macexo.exoetl.report;

import io.macexo.exoetl.model.PrepareResult;
import io.macexo.exoetl.model.ReasonCode;
import io.macexo.exoetl.model.Reject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Why trials were rejected: a bar per reason code that occurred (in precedence order, as in the
 * rejects table), then every rejected trial with its reason code and the sentence naming the file,
 * line and column. Trial names and sentences are data and are escaped.
 */
final class RejectsSection {
  static final String ID = "rejects";

  private RejectsSection() {}

  static String render(PrepareResult result) {
    List<Reject> rejects = result.rejects();
    if (rejects.isEmpty()) {
      return Html.section(ID, "Rejected trials", Html.note("No trial was rejected."));
    }
    List<BarChart.Bar> bars = new ArrayList<>();
    for (Map.Entry<ReasonCode, Long> entry : result.rejectedByReason().entrySet()) {
      bars.add(new BarChart.Bar(entry.getKey().name(), entry.getValue()));
    }
    String chart =
        BarChart.render(
            "rejections by reason code", bars, BarChart.Legend.single("rejected", Svg.REJECTED));
    String table =
        Html.table("rejects", List.of("participant", "trial", "reason code", "why"), rows(rejects));
    String intro =
        Html.paragraph(
            Formats.count(rejects.size())
                + " of "
                + Formats.count(result.trialsFound())
                + " trials were rejected; each is listed in rejects/rejects.json too.");
    return Html.section(ID, "Rejected trials", intro + chart + table);
  }

  /** One row per rejected trial; every cell is data and escaped. */
  private static List<List<String>> rows(List<Reject> rejects) {
    List<List<String>> rows = new ArrayList<>();
    for (Reject reject : rejects) {
      rows.add(
          List.of(
              Html.escape(reject.trial().participant()),
              "<code>" + Html.escape(reject.trial().trial()) + "</code>",
              "<span class=\"code\" title=\""
                  + Html.escape(reject.code().meaning())
                  + "\">"
                  + Html.escape(reject.code().name())
                  + "</span>",
              Html.escape(reject.detail())));
    }
    return rows;
  }
}
