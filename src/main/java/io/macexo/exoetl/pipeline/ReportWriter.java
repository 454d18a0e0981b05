package io.macexo.exoetl.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.macexo.exoetl.model.OutputLayout;
import io.macexo.exoetl.report.ReportBuilder;
import io.macexo.exoetl.report.ReportInputs;
import io.macexo.exoetl.write.OutputFiles;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Writes {@code <output>/report.html} through the Hadoop FileSystem API (local, HDFS or S3A alike),
 * without checksum side files. The page is built by {@code report.ReportBuilder}, which takes model
 * types only; this class is the pipeline's I/O edge for it. Runs on the driver after a run, before
 * {@code _SUCCESS}.
 */
public final class ReportWriter {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ReportWriter() {}

  /** Where the report goes under an output root: {@link OutputLayout#report()}. */
  public static Path path(OutputLayout layout) {
    return layout.report();
  }

  /** Builds the report and writes it, replacing an older one; returns its path. */
  public static Path write(FileSystem fs, OutputLayout layout, ReportInputs inputs)
      throws IOException {
    Path path = path(layout);
    OutputFiles.writeString(fs, path, ReportBuilder.build(inputs));
    return path;
  }

  /**
   * Reads a JSON file such as {@code stats.json}, or returns null when it does not exist, so the
   * report says "statistics not available" instead of failing the run.
   */
  public static JsonNode readJsonIfPresent(FileSystem fs, Path path) throws IOException {
    if (!fs.exists(path)) {
      return null;
    }
    try (InputStream in = fs.open(path)) {
      return MAPPER.readTree(in);
    }
  }
}
