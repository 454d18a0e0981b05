package io.macexo.exoetl.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A plain CSV table (no quotes, LF line ends) written again the ways real tools write CSV: R's
 * quoted header names, Excel's byte order mark, CRLF and missing last line end, classic Mac CR,
 * mixed line ends, blank lines at the end, quoted fields, other missing-value spellings, columns
 * swapped or listed twice. Each rendering means the same table, so the job must read it exactly as
 * the plain file: tests compare the two.
 */
public final class CsvRendering {
  /** Spellings the job reads as a missing value; {@code NaN} in the plain table becomes one. */
  public static final List<String> MISSING = List.of("", "NaN", "nan", "NAN", "-nan", "NA");

  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final List<List<String>> rows;

  private CsvRendering(List<List<String>> rows) {
    this.rows = rows;
  }

  /** Reads a plain table: one row per {@code \n}-ended line, fields split at every comma. */
  public static CsvRendering parse(String plain) {
    List<List<String>> rows = new ArrayList<>();
    for (String line : plain.split("\n", -1)) {
      rows.add(new ArrayList<>(List.of(line.split(",", -1))));
    }
    // The text ends with a line end, so the split leaves one empty row after it.
    rows.remove(rows.size() - 1);
    return new CsvRendering(rows);
  }

  /** How a rendering writes the table; each choice keeps the table's meaning. */
  public record Style(
      boolean byteOrderMark,
      boolean quotedHeader,
      double quotedShare,
      LineEnds lineEnds,
      boolean lastLineEnd,
      int blankLinesAtEnd,
      boolean otherMissingSpellings) {}

  /** Line ends: one kind throughout, or a random one per line. */
  public enum LineEnds {
    LF,
    CRLF,
    CR,
    MIXED
  }

  /** R's {@code write.csv}: quoted header names, NA for missing values. */
  public static final Style R_WRITE_CSV = new Style(false, true, 0, LineEnds.LF, true, 0, true);

  /** Excel: a byte order mark, CRLF, no line end after the last line. */
  public static final Style EXCEL = new Style(true, false, 0, LineEnds.CRLF, false, 0, false);

  /** Classic Mac line ends, and blank lines (one of spaces) after the last line. */
  public static final Style CLASSIC_MAC = new Style(false, false, 0, LineEnds.CR, true, 2, false);

  /** Every field quoted, line ends of every kind. */
  public static final Style QUOTED_MIXED = new Style(false, true, 1, LineEnds.MIXED, true, 0, true);

  /** Any combination of the choices. */
  public static Style randomStyle(Random random) {
    boolean lastLineEnd = random.nextBoolean();
    return new Style(
        random.nextBoolean(),
        random.nextBoolean(),
        random.nextInt(3) == 0 ? random.nextDouble() : 0,
        LineEnds.values()[random.nextInt(LineEnds.values().length)],
        lastLineEnd,
        lastLineEnd && random.nextBoolean() ? 1 + random.nextInt(3) : 0,
        random.nextBoolean());
  }

  /** Columns {@code a} and {@code b} swapped in every row, header included. */
  public CsvRendering swapColumns(int a, int b) {
    List<List<String>> swapped = copy();
    for (List<String> row : swapped) {
      String kept = row.get(a);
      row.set(a, row.get(b));
      row.set(b, kept);
    }
    return new CsvRendering(swapped);
  }

  /** Column {@code c} listed a second time at the end: the job takes a name's first place. */
  public CsvRendering duplicateColumn(int c) {
    List<List<String>> duplicated = copy();
    for (List<String> row : duplicated) {
      row.add(row.get(c));
    }
    return new CsvRendering(duplicated);
  }

  public int columns() {
    return rows.get(0).size();
  }

  /** The table written in {@code style}; {@code random} picks quoted fields and mixed line ends. */
  public byte[] render(Style style, Random random) {
    StringBuilder text = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      for (int f = 0; f < row.size(); f++) {
        String field = row.get(f);
        if (r > 0 && style.otherMissingSpellings() && field.equals("NaN")) {
          field = MISSING.get(random.nextInt(MISSING.size()));
        }
        boolean quoted = r == 0 ? style.quotedHeader() : random.nextDouble() < style.quotedShare();
        text.append(f == 0 ? "" : ",").append(quoted ? quote(field) : field);
      }
      if (r < rows.size() - 1 || style.lastLineEnd()) {
        text.append(lineEnd(style.lineEnds(), random));
      }
    }
    for (int b = 0; b < style.blankLinesAtEnd(); b++) {
      text.append(b % 2 == 0 ? "" : "  \t").append(lineEnd(style.lineEnds(), random));
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    if (style.byteOrderMark()) {
      bytes.writeBytes(UTF8_BOM);
    }
    bytes.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
    return bytes.toByteArray();
  }

  private static String quote(String field) {
    return '"' + field.replace("\"", "\"\"") + '"';
  }

  private static String lineEnd(LineEnds ends, Random random) {
    LineEnds chosen = ends == LineEnds.MIXED ? LineEnds.values()[random.nextInt(3)] : ends;
    return switch (chosen) {
      case LF -> "\n";
      case CRLF -> "\r\n";
      default -> "\r";
    };
  }

  private List<List<String>> copy() {
    List<List<String>> copy = new ArrayList<>();
    for (List<String> row : rows) {
      copy.add(new ArrayList<>(row));
    }
    return copy;
  }
}
