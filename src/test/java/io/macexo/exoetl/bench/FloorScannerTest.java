package io.macexo.exoetl.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The floor's file scanner: columns by name, lines across buffer refills, odd line ends. */
class FloorScannerTest {
  @TempDir Path folder;

  @Test
  void parsesOnlyTheWantedColumnsByNameWhateverTheirOrder() throws IOException {
    Path file = write("a.csv", "b,time,a,c\n1,10.5,2,x\n3,11.0,,y\n");

    FloorScanner.Tally tally =
        new FloorScanner(FloorScanner.Parser.FAST_PATH).scan(file, List.of("time", "a"));

    assertThat(tally.rows()).isEqualTo(2);
    assertThat(tally.values()).isEqualTo(4);
    // 10.5 + 2 + 11.0; the empty field is NaN and left out of the checksum.
    assertThat(tally.checksum()).isEqualTo(23.5);
    assertThat(tally.bytes()).isEqualTo(Files.size(file));
  }

  @Test
  void countsLinesAcrossBufferRefillsAndALastLineWithoutBreak() throws IOException {
    StringBuilder text = new StringBuilder("time,value,rest\n");
    int lines = 60_000;
    for (int line = 0; line < lines; line++) {
      text.append(line).append(".5,1.25,").append("x".repeat(20));
      if (line < lines - 1) {
        text.append(line % 2 == 0 ? "\n" : "\r\n");
      }
    }
    Path file = write("long.csv", text.toString());
    assertThat(Files.size(file)).isGreaterThan(1L << 20);

    FloorScanner.Tally tally =
        new FloorScanner(FloorScanner.Parser.JDK).scan(file, List.of("time", "value"));

    assertThat(tally.rows()).isEqualTo(lines);
    assertThat(tally.values()).isEqualTo(2L * lines);
    double times = (double) lines * (lines - 1) / 2 + 0.5 * lines;
    assertThat(tally.checksum()).isEqualTo(times + 1.25 * lines);
  }

  @Test
  void aMissingColumnIsAnError() throws IOException {
    Path file = write("b.csv", "time,a\n1,2\n");

    assertThatThrownBy(
            () -> new FloorScanner(FloorScanner.Parser.FAST_PATH).scan(file, List.of("time", "z")))
        .isInstanceOf(IOException.class)
        .hasMessage("Cannot scan " + file + ": its header lacks some of [time, z]");
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
  }
}
