package io.macexo.exoetl.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The page as text: escaping, redaction, self-containment, and the sections' fallbacks. */
class ReportBuilderTest {
  private static final String PAGE = ReportBuilder.build(ReportFixtures.inputs());

  @Test
  void dataStringsAreEscapedEverywhere() {
    assertThat(PAGE).doesNotContain("<script").doesNotContain("<b>knee");
    assertThat(PAGE)
        .contains("jump_1_&lt;script&gt;alert(1)&lt;/script&gt;_on")
        .contains("column &lt;b&gt;knee&lt;/b&gt; &amp; &quot;time&quot; is not a number");
  }

  @Test
  void pageFetchesNothing() {
    assertThat(PAGE)
        .doesNotContain("src=")
        .doesNotContain("<link")
        .doesNotContain("<img")
        .doesNotContain("@import")
        .doesNotContain("url(")
        .doesNotContain("href=\"http");
  }

  @Test
  void secretSettingsAreRedacted() {
    assertThat(PAGE).doesNotContain("SECRETVALUE123").contains("(redacted)");
    assertThat(SummarySection.shownValue("spark.hadoop.fs.s3a.access.key", "AKIA"))
        .isEqualTo(SummarySection.REDACTED);
    assertThat(SummarySection.shownValue("spark.master", "local[*]")).isEqualTo("local[*]");
  }

  @Test
  void everySectionIsThere() {
    for (String id :
        new String[] {"totals", "participants", "families", "rejects", "lengths", "features"}) {
      assertThat(PAGE).contains("<section id=\"" + id + "\">");
    }
    String found = "%,d".formatted(ReportFixtures.inputs().result().trials().size());
    assertThat(PAGE)
        .contains("<section id=\"example\">")
        .contains("<div class=\"value\">" + found + "</div><div class=\"label\">trials found")
        .contains("42.0 GB");
  }

  @Test
  void unusualFeaturesAreFlagged() {
    assertThat(PAGE)
        .contains("NaN share 62.0 % over 50 %")
        .contains("range -40600 to 54200 exceeds \u00b1200 m/s\u00b2");
  }

  @Test
  void longTrialsAreThinnedAndNanGapsBreakTheLine() {
    Matcher paths = Pattern.compile("<path d=\"([^\"]*)\"").matcher(PAGE);
    int lines = 0;
    while (paths.find()) {
      String d = paths.group(1);
      long points = d.chars().filter(c -> c == 'M' || c == 'L').count();
      assertThat(points).isLessThanOrEqualTo(LineChart.MAX_POINTS);
      lines++;
    }
    // 4 angle and 4 moment lines, whole trial and zoom.
    assertThat(lines).isEqualTo(16);
    assertThat(PAGE).containsPattern("<path d=\"M[^\"]*M[^\"]*\" fill=\"none\" stroke=\"#009E73\"");
  }

  @Test
  void missingStatsAndExampleSaySo() {
    ReportInputs bare = new ReportInputs(ReportFixtures.result(), 200, null, null, null);
    String page = ReportBuilder.build(bare);
    assertThat(page)
        .contains("statistics not available")
        .contains("no example trial available")
        .contains("Spark settings not recorded.");
  }

  @Test
  void statsWithNanAsStringsStillRender() throws Exception {
    var stats =
        new ObjectMapper()
            .readTree(
                "{\"features\":[{\"name\":\"hip_flexion_l\",\"group\":\"angle\",\"unit\":\"deg\","
                    + "\"count\":0,\"nan_count\":10,\"mean\":null,\"std\":\"NaN\","
                    + "\"min\":null,\"max\":null}]}");
    String page =
        ReportBuilder.build(new ReportInputs(ReportFixtures.result(), 200, null, stats, null));
    assertThat(page).contains("no finite values; NaN share 100.0 % over 50 %");
  }
}
