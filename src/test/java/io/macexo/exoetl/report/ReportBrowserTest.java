package io.macexo.exoetl.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.macexo.exoetl.model.OutputLayout;
import io.macexo.exoetl.testing.HeadlessChromium;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a realistic report in headless Chromium. A probe script is added to a copy of the page (the
 * report itself has none): it records script and resource errors from the first byte, then writes
 * every SVG's rendered size, the page size and the resources fetched into the DOM, which {@code
 * --dump-dom} prints. Then a full-page screenshot is taken and kept under {@code
 * target/report-browser-test/} for a person to look at. Skips where Chromium is not installed.
 */
class ReportBrowserTest {
  private static final Path KEEP = Path.of("target", "report-browser-test");
  private static final int WIDTH = 1280;
  private static final String ERROR_TRAP =
      "<script>window.__errors=[];window.addEventListener('error',function(e){"
          + "__errors.push(String(e.message||(e.target&&(e.target.src||e.target.href))||'error'))"
          + "},true);</script>";
  private static final String PROBE =
      "<script>(function(){var d=document.documentElement,out={errors:window.__errors,svgs:[],"
          + "width:d.scrollWidth,height:d.scrollHeight,resources:performance"
          + ".getEntriesByType('resource').map(function(r){return r.name})};"
          + "document.querySelectorAll('svg').forEach(function(s){var r=s.getBoundingClientRect();"
          + "out.svgs.push({label:s.getAttribute('aria-label'),width:r.width,height:r.height,"
          + "shapes:s.querySelectorAll('rect,path,line,circle').length})});"
          + "var p=document.createElement('pre');p.id='probe';p.textContent=JSON.stringify(out);"
          + "document.body.appendChild(p);})();</script>";
  private static final Pattern PROBE_TEXT = Pattern.compile("<pre id=\"probe\">(.*?)</pre>");
  private static final List<String> CHARTS =
      List.of(
          "trials per participant",
          "trials per task family",
          "rejections by reason code",
          "sequence length histogram",
          "angle_features over time",
          "angle_features, first 5 s",
          "moment_targets over time",
          "moment_targets, first 5 s");

  @TempDir static Path work;
  private static HeadlessChromium chromium;
  private static Path page;
  private static JsonNode probe;

  @BeforeAll
  static void render() throws Exception {
    Optional<HeadlessChromium> found = HeadlessChromium.find(work.resolve("profiles"));
    if (found.isEmpty()) {
      return;
    }
    chromium = found.get();
    String html = ReportBuilder.build(ReportFixtures.inputs());
    page = work.resolve(OutputLayout.REPORT);
    Files.writeString(page, html);
    Path probed = work.resolve("probed.html");
    Files.writeString(
        probed,
        html.replaceFirst("<head>", "<head>" + ERROR_TRAP).replace("</body>", PROBE + "</body>"));
    probe = readProbe(chromium.dumpDom(probed, WIDTH, 1000));
  }

  /** Each test, not the class, is skipped, so the reason shows next to every skipped test. */
  @BeforeEach
  void requireChromium() {
    assumeTrue(
        chromium != null,
        "chromium is not installed at "
            + HeadlessChromium.DEFAULT
            + " (apt-get install chromium); the report browser test is skipped");
  }

  @Test
  void pageHasNoScriptErrorsAndFetchesNothing() {
    assertThat(probe.get("errors")).isEmpty();
    assertThat(probe.get("resources")).isEmpty();
  }

  @Test
  void everyChartIsDrawnWithSizeAndShapes() {
    List<String> drawn = new ArrayList<>();
    for (JsonNode svg : probe.get("svgs")) {
      String label = svg.path("label").asText();
      assertThat(svg.get("width").asDouble()).as("width of " + label).isGreaterThan(0);
      assertThat(svg.get("height").asDouble()).as("height of " + label).isGreaterThan(0);
      if (CHARTS.contains(label)) {
        assertThat(svg.get("shapes").asInt()).as("shapes in " + label).isGreaterThan(3);
        drawn.add(label);
      }
    }
    assertThat(drawn).containsExactlyElementsOf(CHARTS);
    // 32 feature glyphs and one axis per kind of feature (accel, gyro, angle, moment).
    assertThat(probe.get("svgs")).hasSize(CHARTS.size() + 32 + 4);
  }

  @Test
  void pageFitsTheWindowWidthAndScreenshotShowsIt() throws Exception {
    assertThat(probe.get("width").asInt())
        .as("page width, no sideways scroll")
        .isLessThanOrEqualTo(WIDTH);
    int height = Math.min(16_000, probe.get("height").asInt());
    Path png = work.resolve("report.png");
    chromium.screenshot(page, png, WIDTH, height);
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(WIDTH);
    assertThat(nonWhiteShare(image)).as("share of non-white pixels").isGreaterThan(0.02);
    Files.createDirectories(KEEP);
    Files.copy(png, KEEP.resolve("report.png"), StandardCopyOption.REPLACE_EXISTING);
    Files.copy(page, KEEP.resolve(OutputLayout.REPORT), StandardCopyOption.REPLACE_EXISTING);
  }

  private static JsonNode readProbe(String dom) throws Exception {
    Matcher matcher = PROBE_TEXT.matcher(dom);
    assertThat(matcher.find()).as("probe output in the DOM (did the probe script run?)").isTrue();
    String json = matcher.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    return new ObjectMapper().readTree(json);
  }

  private static double nonWhiteShare(BufferedImage image) {
    long nonWhite = 0;
    for (int y = 0; y < image.getHeight(); y += 4) {
      for (int x = 0; x < image.getWidth(); x += 4) {
        int rgb = image.getRGB(x, y);
        int darkest = Math.min(rgb & 0xFF, Math.min((rgb >> 8) & 0xFF, (rgb >> 16) & 0xFF));
        nonWhite += darkest < 0xF0 ? 1 : 0;
      }
    }
    return nonWhite / ((image.getWidth() / 4.0) * (image.getHeight() / 4.0));
  }
}
