package io.macexo.exoetl.audit;

import io.macexo.exoetl.model.Manifest;
import io.macexo.exoetl.model.OutputLayout;
import io.macexo.exoetl.write.ManifestStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * manifest.json: that it is a manifest this version reads ({@code write/ManifestStore}), and that
 * every data file it lists exists. On the driver, one existence check a listed file.
 */
final class ManifestAudit {
  private ManifestAudit() {}

  /**
   * The manifest's problems; {@code json} is its JSON as {@link JsonFile} read it (whose own
   * problem, if any, the caller reports), present here.
   */
  static List<Problem> check(FileSystem fs, OutputLayout layout, JsonFile json) {
    Optional<Manifest> manifest;
    try {
      manifest = ManifestStore.read(fs, layout.manifest());
    } catch (IOException | RuntimeException e) {
      // Valid JSON of the wrong shape (a number where a list belongs) fails in the mapping.
      return List.of(AuditMessages.invalidManifest(json.name(), e));
    }
    if (manifest.isEmpty()) {
      return List.of(
          AuditMessages.unknownManifestFormat(
              json.name(), json.json().orElseThrow().path("format")));
    }
    return listedFiles(fs, layout, manifest.get());
  }

  private static List<Problem> listedFiles(FileSystem fs, OutputLayout layout, Manifest manifest) {
    List<Problem> problems = new ArrayList<>();
    for (Manifest.ParticipantEntry entry : manifest.participants().values()) {
      for (Manifest.DataFile file : entry.dataFiles()) {
        try {
          if (!fs.exists(new Path(layout.root(), file.path()))) {
            problems.add(AuditMessages.listedButMissing(file.path()));
          }
        } catch (IOException e) {
          problems.add(AuditMessages.uncheckable(file.path(), e));
        }
      }
    }
    return problems;
  }
}
