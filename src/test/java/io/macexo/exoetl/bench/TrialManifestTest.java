package io.macexo.exoetl.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrialManifestTest {
  @TempDir Path folder;

  @Test
  void aManifestReadsBackAsWritten() throws IOException {
    TrialManifest manifest = manifest(4);
    Path file = folder.resolve("manifest.tsv");

    manifest.write(file);

    assertThat(TrialManifest.read(file)).isEqualTo(manifest);
    assertThat(manifest.bytes()).isEqualTo(100 + 101 + 102 + 103);
    assertThat(manifest.files()).hasSize(12);
  }

  @Test
  void aSpreadSubsetTakesEveryKthTrial() {
    TrialManifest subset = manifest(10).spread(3);

    assertThat(subset.entries()).extracting(ManifestEntry::trial).containsExactly("t0", "t3", "t6");
    assertThat(manifest(2).spread(5).entries()).hasSize(2);
  }

  private static TrialManifest manifest(int trials) {
    List<ManifestEntry> entries = new ArrayList<>();
    for (int index = 0; index < trials; index++) {
      Map<FileKind, Path> files = new EnumMap<>(FileKind.class);
      for (FileKind kind : FileKind.values()) {
        files.put(kind, Path.of("/data/BT01/t" + index + "/BT01_t" + index + "_" + kind.suffix()));
      }
      entries.add(new ManifestEntry("BT01", "t" + index, 80.59, 100 + index, files));
    }
    return new TrialManifest(entries);
  }
}
