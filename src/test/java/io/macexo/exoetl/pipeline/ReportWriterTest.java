package io.macexo.exoetl.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.macexo.exoetl.model.OutputLayout;
import io.macexo.exoetl.report.ReportBuilder;
import io.macexo.exoetl.report.ReportFixtures;
import io.macexo.exoetl.report.ReportInputs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing through the Hadoop local file system: the page lands whole, with no checksum file. */
class ReportWriterTest {
  @TempDir Path output;

  @Test
  void writesReportHtmlUnderTheOutputRoot() throws Exception {
    FileSystem fs = FileSystem.getLocal(new Configuration());
    OutputLayout layout = new OutputLayout(new org.apache.hadoop.fs.Path(output.toUri()));
    ReportInputs inputs = ReportFixtures.inputs();

    org.apache.hadoop.fs.Path written = ReportWriter.write(fs, layout, inputs);

    assertThat(written.getName()).isEqualTo("report.html");
    assertThat(Files.readString(output.resolve("report.html")))
        .isEqualTo(ReportBuilder.build(inputs));
    try (var files = Files.list(output)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("report.html");
    }
  }

  @Test
  void readsStatsWhenPresentAndNullWhenAbsent() throws Exception {
    FileSystem fs = FileSystem.getLocal(new Configuration());
    org.apache.hadoop.fs.Path stats =
        new org.apache.hadoop.fs.Path(output.resolve("stats.json").toUri());
    assertThat(ReportWriter.readJsonIfPresent(fs, stats)).isNull();
    Files.writeString(output.resolve("stats.json"), "{\"features\":[]}");
    assertThat(ReportWriter.readJsonIfPresent(fs, stats).get("features").isArray()).isTrue();
  }
}
