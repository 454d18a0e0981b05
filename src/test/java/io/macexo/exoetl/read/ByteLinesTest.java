package io.macexo.exoetl.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Lines read in place from the buffer and lines gathered across reads must be the same lines: the
 * input comes in chunks of random size, so lines start, end and break at every position.
 */
class ByteLinesTest {
  @Test
  void linesAcrossRandomReadBoundariesAreTheTextsLines() throws IOException {
    Random random = new Random(11);
    for (int round = 0; round < 200; round++) {
      List<String> expected = new ArrayList<>();
      StringBuilder text = new StringBuilder();
      int count = random.nextInt(40);
      for (int i = 0; i < count; i++) {
        String line = "x".repeat(random.nextInt(3) == 0 ? random.nextInt(70_000) : 12) + i;
        expected.add(line);
        text.append(line).append(random.nextBoolean() ? "\r\n" : "\n");
      }
      boolean cutOff = count > 0 && random.nextBoolean();
      if (cutOff) {
        text.setLength(text.length() - (text.charAt(text.length() - 2) == '\r' ? 2 : 1));
      }
      ByteLines lines = new ByteLines(chunked(text.toString(), random));
      List<String> read = new ArrayList<>();
      while (lines.next()) {
        read.add(lines.text());
      }
      assertThat(read).isEqualTo(expected);
      assertThat(lines.lastLineTerminated()).isEqualTo(!cutOff);
    }
  }

  @Test
  void fieldsFoundWhileReadingAreTheLinesCommaSeparatedFields() throws IOException {
    Random random = new Random(5);
    for (int round = 0; round < 200; round++) {
      List<String> expected = new ArrayList<>();
      StringBuilder text = new StringBuilder();
      int count = 1 + random.nextInt(30);
      for (int i = 0; i < count; i++) {
        StringBuilder line = new StringBuilder();
        int fields = 1 + random.nextInt(random.nextInt(5) == 0 ? 400 : 80);
        for (int f = 0; f < fields; f++) {
          line.append(f == 0 ? "" : ",").append(random.nextInt(3) == 0 ? "" : "-12.5" + f);
        }
        expected.add(line.toString());
        text.append(line).append(random.nextBoolean() ? "\r\n" : "\n");
      }
      ByteLines lines = new ByteLines(chunked(text.toString(), random));
      for (String line : expected) {
        int fields = lines.nextFields();
        String[] split = line.split(",", -1);
        assertThat(fields).as(line).isEqualTo(split.length);
        int[] starts = lines.fieldStarts();
        for (int f = 0; f < fields; f++) {
          String field =
              new String(
                  lines.bytes(), starts[f], starts[f + 1] - 1 - starts[f], StandardCharsets.UTF_8);
          assertThat(field).isEqualTo(split[f]);
        }
      }
      assertThat(lines.nextFields()).isEqualTo(-1);
    }
  }

  @Test
  void blankAndTextLookOnlyAtTheCurrentLine() throws IOException {
    ByteLines lines =
        new ByteLines(
            new ByteArrayInputStream("a,b\n  \t\nc\r\n".getBytes(StandardCharsets.UTF_8)));
    assertThat(lines.next()).isTrue();
    assertThat(lines.blank()).isFalse();
    assertThat(lines.next()).isTrue();
    assertThat(lines.blank()).isTrue();
    assertThat(lines.next()).isTrue();
    assertThat(lines.text()).isEqualTo("c");
    assertThat(lines.next()).isFalse();
  }

  /** A stream that hands out at most a random few bytes (up to 100 KB) per read. */
  private static InputStream chunked(String text, Random random) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        int size = random.nextInt(4) == 0 ? 1 + random.nextInt(7) : 1 + random.nextInt(100_000);
        return super.read(b, off, Math.min(len, size));
      }
    };
  }
}
