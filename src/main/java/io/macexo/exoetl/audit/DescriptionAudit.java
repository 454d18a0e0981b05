package io.macexo.exoetl.audit;

import io.macexo.exoetl.audit.Problem.Check;
import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.model.OutputLayout;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The files that describe the data: metadata.json, stats.json and manifest.json. Each is read on
 * the driver ({@link JsonFile}); a broken one is one problem of its check and is not compared, an
 * absent one is a note; a readable one is compared with the data ({@link MetadataAudit}, {@link
 * StatsAudit}) or checked against the files ({@link ManifestAudit}).
 */
final class DescriptionAudit {
  private final FileSystem fs;
  private final OutputLayout layout;
  private final EtlConfig config;
  private final JsonFile metadata;
  private final JsonFile stats;
  private final JsonFile manifest;

  /** Reads the three files under the output root. */
  DescriptionAudit(FileSystem fs, OutputLayout layout, EtlConfig config) {
    this.fs = fs;
    this.layout = layout;
    this.config = config;
    this.metadata = JsonFile.read(fs, layout.root(), OutputLayout.METADATA, Check.METADATA);
    this.stats = JsonFile.read(fs, layout.root(), OutputLayout.STATS, Check.STATS);
    this.manifest = JsonFile.read(fs, layout.root(), OutputLayout.MANIFEST, Check.MANIFEST);
  }

  /**
   * True when metadata.json says the output was made with {@code nan-policy=reject}; an absent or
   * broken metadata.json counts as the default, keep.
   */
  boolean nanRejected() {
    return metadata.json().map(m -> m.path("nan_policy").asText()).orElse("keep").equals("reject");
  }

  /** Adds each file's problems, or the note that its check is skipped. */
  void check(Dataset<Row> data, Coverage coverage, Findings findings) {
    if (!coverage.whole() && (metadata.json().isPresent() || stats.json().isPresent())) {
      findings.note(
          coverage.attributable()
              ? AuditMessages.comparedWithout(coverage.incomplete())
              : AuditMessages.notCompared());
    }
    ownProblem(metadata, "metadata", findings);
    metadata.json().ifPresent(m -> findings.addAll(MetadataAudit.check(m, data, coverage)));
    ownProblem(stats, "statistics", findings);
    stats.json().ifPresent(s -> findings.addAll(StatsAudit.check(s, data, config, coverage)));
    ownProblem(manifest, "file", findings);
    if (manifest.json().isPresent()) {
      findings.addAll(ManifestAudit.check(fs, layout, manifest));
    }
  }

  /** A file's own problem, or the note that its check is skipped because it is absent. */
  private static void ownProblem(JsonFile file, String check, Findings findings) {
    file.problem().ifPresent(findings::add);
    if (file.absent()) {
      findings.note(AuditMessages.skipped(file.name(), check));
    }
  }
}
