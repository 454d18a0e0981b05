package io.macexo.exoetl.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.macexo.exoetl.model.Issue;
import io.macexo.exoetl.model.ReasonCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Whole files as real tools write them, through the reader both engines use: R's quoted header,
 * Excel's byte order mark and CRLF without a last line end, classic Mac CR, blank lines at the end;
 * what counts as cut off; and files that are not CSV text at all.
 */
class CsvDialectTest {
  private static final FileTask TASK =
      new FileTask("BT01", "walk_1_on", 0, "exo", "f.csv", "time", List.of("a", "b"));

  /** What the reader made of one data line. */
  private record Line(long line, int fields, boolean cutOff, List<Double> values) {}

  private static List<Line> read(byte[] file) throws IOException {
    try (CsvLineReader reader = new CsvLineReader(TASK, 200, new ByteArrayInputStream(file))) {
      assertThat(reader.headerProblem()).isNull();
      List<Line> lines = new ArrayList<>();
      ParsedLine line = new ParsedLine();
      while (reader.next(line)) {
        List<Double> values = new ArrayList<>();
        if (line.values() != null) {
          for (double value : line.values()) {
            values.add(value);
          }
        }
        lines.add(new Line(line.line(), line.fieldCount(), line.truncated(), values));
      }
      return lines;
    }
  }

  private static List<Line> read(String text) throws IOException {
    return read(text.getBytes(StandardCharsets.UTF_8));
  }

  private static final List<Line> PLAIN =
      List.of(new Line(2, 3, false, List.of(1.0, 2.0)), new Line(3, 3, false, List.of(3.0, 4.5)));

  @Test
  void everyLineEndGivesTheSameLines() throws IOException {
    assertThat(read("time,a,b\n0.005,1,2\n0.010,3,4.5\n")).isEqualTo(PLAIN);
    assertThat(read("time,a,b\r\n0.005,1,2\r\n0.010,3,4.5\r\n")).isEqualTo(PLAIN);
    assertThat(read("time,a,b\r0.005,1,2\r0.010,3,4.5\r")).isEqualTo(PLAIN);
    assertThat(read("time,a,b\r\n0.005,1,2\r0.010,3,4.5\n")).isEqualTo(PLAIN);
  }

  @Test
  void aCompleteLastLineWithoutALineEndIsAGoodLine() throws IOException {
    assertThat(read("time,a,b\n0.005,1,2\n0.010,3,4.5")).isEqualTo(PLAIN);
    assertThat(read("time,a,b\r\n0.005,1,2\r\n0.010,3,4.5")).isEqualTo(PLAIN);
    assertThat(read("time,a,b\n0.005,1,2\n0.010,3,4.5e0")).isEqualTo(PLAIN);
  }

  @Test
  void blankLinesAtTheEndAreNotLines() throws IOException {
    assertThat(read("time,a,b\n0.005,1,2\n0.010,3,4.5\n\n\n")).isEqualTo(PLAIN);
    assertThat(read("time,a,b\r\n0.005,1,2\r\n0.010,3,4.5\r\n\r\n  \r\n\t")).isEqualTo(PLAIN);
  }

  @Test
  void quotedHeaderNamesAndFieldsAreUnquoted() throws IOException {
    // R's write.csv: quoted names, NA for missing, numbers bare.
    List<Line> r = read("\"time\",\"a\",\"b\"\n0.005,1,NA\n0.010,3,4.5\n");
    assertThat(r.get(0).values()).containsExactly(1.0, Double.NaN);
    assertThat(r.get(1)).isEqualTo(PLAIN.get(1));
    // Everything quoted, a comma and an escaped quote inside an unselected field.
    assertThat(read("\"time\",\"note\",\"a\",\"b\"\n\"0.005\",\"x, \"\"y\"\"\",\"1\",\"2\"\n"))
        .containsExactly(new Line(2, 4, false, List.of(1.0, 2.0)));
  }

  @Test
  void aHeaderNameWithEscapedQuotesMatchesItsUnquotedSpelling() throws IOException {
    FileTask task =
        new FileTask("BT01", "walk_1_on", 0, "exo", "f.csv", "time", List.of("say \"hi\""));
    byte[] file = "time,\"say \"\"hi\"\"\"\n1,2\n".getBytes(StandardCharsets.UTF_8);
    try (CsvLineReader reader = new CsvLineReader(task, 200, new ByteArrayInputStream(file))) {
      assertThat(reader.headerProblem()).isNull();
      ParsedLine line = new ParsedLine();
      assertThat(reader.next(line)).isTrue();
      assertThat(line.values()).containsExactly(2.0);
    }
  }

  @Test
  void aQuotedLineBreakKeepsTheFollowingLineNumbersTrue() throws IOException {
    List<Line> lines = read("time,note,a,b\n0.005,\"two\r\nlines\",1,2\n0.010,x,3,4.5\n");
    assertThat(lines).extracting(Line::line).containsExactly(2L, 4L);
  }

  @Test
  void aUtf8ByteOrderMarkIsNotPartOfTheFirstName() throws IOException {
    byte[] text = "\"time\",a,b\r\n0.005,1,2\r\n0.010,3,4.5".getBytes(StandardCharsets.UTF_8);
    byte[] file = new byte[text.length + 3];
    file[0] = (byte) 0xEF;
    file[1] = (byte) 0xBB;
    file[2] = (byte) 0xBF;
    System.arraycopy(text, 0, file, 3, text.length);
    assertThat(read(file)).isEqualTo(PLAIN);
  }

  @Test
  void aLastLineIsCutOffWhenShortOrEndingMidNumberOrInsideQuotes() throws IOException {
    assertThat(read("time,a,b\n0.005,1,2\n0.010,3").get(1))
        .isEqualTo(new Line(3, 2, true, List.of()));
    for (String end : new String[] {"4.5e", "4.5E-", "-", "."}) {
      assertThat(read("time,a,b\n0.005,1,2\n0.010,3," + end).get(1).cutOff()).as(end).isTrue();
    }
    assertThat(read("time,note,a,b\n0.005,\"x,1,2").get(0).cutOff()).isTrue();
    // Too many fields is a field count problem, not a cut; so is a short line that has its end.
    assertThat(read("time,a,b\n0.005,1,2,3").get(0)).isEqualTo(new Line(2, 4, false, List.of()));
    assertThat(read("time,a,b\n0.005,1\n").get(0).cutOff()).isFalse();
  }

  private static Issue headerProblem(byte[] file) throws IOException {
    try (CsvLineReader reader = new CsvLineReader(TASK, 200, new ByteArrayInputStream(file))) {
      return reader.headerProblem();
    }
  }

  private static String notCsv(byte[] file) throws IOException {
    Issue problem = headerProblem(file);
    assertThat(problem.code()).isEqualTo(ReasonCode.NOT_CSV);
    assertThat(problem.detail()).startsWith("f.csv is not CSV text: it is ");
    return problem.detail().substring("f.csv is not CSV text: it is ".length());
  }

  private static final String CSV = "time,a,b\n0.005,1,2\n";

  @Test
  void compressedFilesAreNotCsvAndTheSentenceSaysWhatTheyAre() throws IOException {
    ByteArrayOutputStream gzip = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
      out.write(CSV.getBytes(StandardCharsets.UTF_8));
    }
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      out.putNextEntry(new ZipEntry("f.csv"));
      out.write(CSV.getBytes(StandardCharsets.UTF_8));
    }
    assertThat(notCsv(gzip.toByteArray())).isEqualTo("gzip-compressed");
    assertThat(notCsv(zip.toByteArray())).isEqualTo("a zip archive (an .xlsx workbook is one)");
  }

  @Test
  void wideUnicodeIsNotCsvWithOrWithoutAByteOrderMark() throws IOException {
    assertThat(notCsv(CSV.getBytes(StandardCharsets.UTF_16)))
        .isEqualTo("UTF-16 text (save it as UTF-8)");
    byte[] littleEndian = CSV.getBytes(StandardCharsets.UTF_16LE);
    byte[] withMark = new byte[littleEndian.length + 2];
    withMark[0] = (byte) 0xFF;
    withMark[1] = (byte) 0xFE;
    System.arraycopy(littleEndian, 0, withMark, 2, littleEndian.length);
    assertThat(notCsv(withMark)).isEqualTo("UTF-16 text (save it as UTF-8)");
    assertThat(notCsv(littleEndian))
        .isEqualTo("UTF-16 text without a byte order mark (save it as UTF-8)");
    assertThat(notCsv(CSV.getBytes(StandardCharsets.UTF_16BE)))
        .isEqualTo("UTF-16 text without a byte order mark (save it as UTF-8)");
  }

  @Test
  void controlBytesMakeAFileBinaryButTabsFormFeedsAndLatin1DoNot() throws IOException {
    assertThat(notCsv(new byte[] {'t', 'i', 0, 'm', 'e'}))
        .isEqualTo("binary (byte 0x00 at offset 2)");
    assertThat(notCsv("time,a\u0003,b\n".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("binary (byte 0x03 at offset 6)");
    assertThat(notCsv("PAR1\u0015\u0000".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("a Parquet file");
    assertThat(headerProblem("time,a,b\t\f\n1,2,3\n".getBytes(StandardCharsets.UTF_8))).isNull();
    assertThat(headerProblem("time,a,b,\u00e9t\u00e9\n".getBytes(StandardCharsets.ISO_8859_1)))
        .isNull();
  }
}
