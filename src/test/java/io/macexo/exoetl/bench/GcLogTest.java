package io.macexo.exoetl.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GcLogTest {
  @TempDir Path folder;

  @Test
  void thePeakIsTheLargestHeapBeforeACollection() throws IOException {
    Path log = folder.resolve("gc.log");
    Files.writeString(
        log,
        """
        [0.004s][info][gc] Using G1
        [1.234s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 23M->5M(256M) 3.456ms
        [5.000s][info][gc] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 1G->300M(2G) 20.1ms
        [6.000s][info][gc] GC(2) Pause Full (System.gc()) 512K->400K(8M) 1.0ms
        """);

    GcLog.HeapPeaks peaks = GcLog.read(log);

    assertThat(peaks.usedBytes()).isEqualTo(1L << 30);
    assertThat(peaks.committedBytes()).isEqualTo(2L << 30);
    assertThat(peaks.collections()).isEqualTo(3);
  }

  @Test
  void noLogMeansNoPeak() throws IOException {
    assertThat(GcLog.read(folder.resolve("absent.log"))).isEqualTo(GcLog.HeapPeaks.NONE);
  }
}
