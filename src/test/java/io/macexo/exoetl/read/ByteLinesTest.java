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
 * Records read in place from the buffer and records gathered across reads or unquoted must be the
 * same records: random fields, quoted or not, random line ends, and an input that comes in chunks
 * of random size, so records start, end and break at every position.
 */
class ByteLinesTest {
  private static final String[] LINE_ENDS = {"\n", "\r\n", "\r"};

  /** One written record: its fields' values and the line of the file it starts on. */
  private record Written(List<String> fields, long line) {}

  @Test
  void recordsAcrossRandomReadBoundariesAreTheWrittenRecords() throws IOException {
    Random random = new Random(11);
    for (int round = 0; round < 300; round++) {
      List<Written> written = new ArrayList<>();
      StringBuilder text = new StringBuilder();
      long line = 1;
      int count = 1 + random.nextInt(30);
      for (int r = 0; r < count; r++) {
        List<String> fields = randomFields(random);
        written.add(new Written(fields, line));
        for (int f = 0; f < fields.size(); f++) {
          text.append(f == 0 ? "" : ",").append(encode(fields.get(f), random));
        }
        line += 1 + breaks(fields);
        text.append(LINE_ENDS[random.nextInt(LINE_ENDS.length)]);
      }
      boolean cutOff = random.nextBoolean();
      if (cutOff) {
        // Drop the last line end (one or two bytes), keeping the record itself whole.
        text.setLength(text.length() - (text.toString().endsWith("\r\n") ? 2 : 1));
      }
      ByteLines lines = new ByteLines(chunked(text.toString(), random));
      for (Written record : written) {
        int fields = lines.nextFields();
        assertThat(fields).as("fields of round %d", round).isEqualTo(record.fields().size());
        for (int f = 0; f < fields; f++) {
          // Compared as a boolean: a failing 70 KB field would flood the report.
          assertThat(lines.field(f).equals(record.fields().get(f)))
              .as("round %d line %d field %d", round, record.line(), f)
              .isTrue();
        }
        assertThat(lines.line()).as("line of a record in round %d", round).isEqualTo(record.line());
      }
      assertThat(lines.nextFields()).isEqualTo(-1);
      assertThat(lines.lastLineTerminated()).isEqualTo(!cutOff);
      assertThat(lines.endedInQuotes()).isFalse();
    }
  }

  /** Line breaks the record's quoted fields hold (a CRLF counts once, as an editor shows it). */
  private static int breaks(List<String> fields) {
    int breaks = 0;
    for (String field : fields) {
      for (int i = 0; i < field.length(); i++) {
        char c = field.charAt(i);
        boolean crlf = c == '\r' && i + 1 < field.length() && field.charAt(i + 1) == '\n';
        breaks += (c == '\n' || c == '\r') && !crlf ? 1 : 0;
      }
    }
    return breaks;
  }

  private static List<String> randomFields(Random random) {
    List<String> fields = new ArrayList<>();
    int count = 1 + random.nextInt(random.nextInt(6) == 0 ? 400 : 20);
    String[] specials = {",", "\"", "\n", "\r\n", "\r", " ", "x"};
    for (int f = 0; f < count; f++) {
      int kind = random.nextInt(8);
      if (kind == 0) {
        fields.add("");
      } else if (kind == 1 && random.nextInt(40) == 0) {
        // Now and then a field longer than the read buffer, so records run across many reads.
        fields.add("z".repeat(random.nextInt(70_000)));
      } else if (kind == 2) {
        StringBuilder field = new StringBuilder();
        for (int i = random.nextInt(6); i >= 0; i--) {
          field.append(specials[random.nextInt(specials.length)]).append(random.nextInt(99));
        }
        fields.add(field.toString());
      } else {
        fields.add("-12.5" + f);
      }
    }
    // A record of one empty field would be a blank line, which the reader's caller skips.
    if (fields.size() == 1 && fields.get(0).isEmpty()) {
      fields.set(0, "1");
    }
    return fields;
  }

  /** RFC 4180: quoted when it must be, and sometimes when it need not. */
  private static String encode(String field, Random random) {
    boolean must =
        field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r");
    if (must || random.nextInt(4) == 0) {
      return '"' + field.replace("\"", "\"\"") + '"';
    }
    return field;
  }

  @Test
  void aByteOrderMarkIsSkippedAndOnlyAtTheStart() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] text = "\"time\",a\r\n1,2".getBytes(StandardCharsets.UTF_8);
    byte[] file = new byte[bom.length + text.length];
    System.arraycopy(bom, 0, file, 0, bom.length);
    System.arraycopy(text, 0, file, bom.length, text.length);
    ByteLines lines = new ByteLines(new ByteArrayInputStream(file));

    assertThat(lines.head(4096)).isEqualTo(file.length);
    assertThat(lines.nextFields()).isEqualTo(2);
    assertThat(lines.field(0)).isEqualTo("time");
    assertThat(lines.nextFields()).isEqualTo(2);
    assertThat(lines.field(1)).isEqualTo("2");
    assertThat(lines.lastLineTerminated()).isFalse();
  }

  @Test
  void anInputEndingInsideQuotesSaysSo() throws IOException {
    ByteLines lines = new ByteLines(stream("a,b\n1,\"2\n3"));
    lines.nextFields();
    assertThat(lines.nextFields()).isEqualTo(2);
    assertThat(lines.field(1)).isEqualTo("2\n3");
    assertThat(lines.lastLineTerminated()).isFalse();
    assertThat(lines.endedInQuotes()).isTrue();
  }

  @Test
  void textAfterAClosingQuoteIsKeptAndAQuoteInsideAFieldIsAByte() throws IOException {
    ByteLines lines = new ByteLines(stream("\"ab\"c,d\"e,\"\"\n"));
    assertThat(lines.nextFields()).isEqualTo(3);
    assertThat(lines.field(0)).isEqualTo("abc");
    assertThat(lines.field(1)).isEqualTo("d\"e");
    assertThat(lines.field(2)).isEmpty();
  }

  @Test
  void blankLooksOnlyAtTheCurrentRecordAndLineNumbersCountEveryLineEnd() throws IOException {
    ByteLines lines = new ByteLines(stream("a,b\n  \t\r\n\rc\r\n"));
    assertThat(lines.nextFields()).isEqualTo(2);
    assertThat(lines.blank()).isFalse();
    assertThat(lines.nextFields()).isEqualTo(1);
    assertThat(lines.blank()).isTrue();
    assertThat(lines.line()).isEqualTo(2);
    assertThat(lines.nextFields()).isEqualTo(1);
    assertThat(lines.line()).isEqualTo(3);
    assertThat(lines.nextFields()).isEqualTo(1);
    assertThat(lines.field(0)).isEqualTo("c");
    assertThat(lines.line()).isEqualTo(4);
    assertThat(lines.nextFields()).isEqualTo(-1);
  }

  @Test
  void aCrlfSplitBetweenReadsIsOneLineEndInPlaceGatheredOrBlank() throws IOException {
    // Each read ends just after a CR: of a record found in place, of a quoted (gathered) record
    // and of a blank line. The LF that starts the next read belongs to it.
    ByteLines lines = new ByteLines(pieces("a,b\r\nc,d\r", "\n\"e\",f\r", "\n\r", "\ng,h\r\n"));
    List<String> records = new ArrayList<>();
    for (int fields = lines.nextFields(); fields >= 0; fields = lines.nextFields()) {
      StringBuilder record = new StringBuilder().append(lines.line()).append(':');
      for (int f = 0; f < fields; f++) {
        record.append(f == 0 ? "" : "|").append(lines.field(f));
      }
      records.add(record.toString());
    }
    assertThat(records).containsExactly("1:a|b", "2:c|d", "3:e|f", "4:", "5:g|h");
  }

  /** A stream that hands out one piece per read. */
  private static InputStream pieces(String... pieces) {
    byte[] all = String.join("", pieces).getBytes(StandardCharsets.UTF_8);
    return new ByteArrayInputStream(all) {
      private int piece;

      @Override
      public synchronized int read(byte[] b, int off, int len) {
        if (piece == pieces.length) {
          return -1;
        }
        return super.read(b, off, Math.min(len, pieces[piece++].length()));
      }
    };
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
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
