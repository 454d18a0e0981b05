package io.macexo.exoetl.model;

import java.util.HexFormat;
import java.util.Locale;

/**
 * Escapes a participant name for a {@code key=value} folder name the way Spark and Hive escape
 * partition values: control characters and {@code " # % ' * / : = ? \ { [ ] ^} and DEL become
 * {@code %XX}; everything else, non-ASCII letters and spaces included, stays as it is. Readers of
 * such folders (Spark, pyarrow, Polars, DuckDB) decode {@code %XX} back, so the folder value equals
 * the {@code participant} column. A test checks the folder names against Spark's own partitioned
 * writer.
 */
public final class PartitionValues {
  private static final String ESCAPED = "\"#%'*/:=?\\{[]^\u007f";

  private PartitionValues() {}

  public static String escape(String value) {
    StringBuilder text = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < ' ' || ESCAPED.indexOf(c) >= 0) {
        text.append('%').append(String.format(Locale.ROOT, "%02X", (int) c));
      } else {
        text.append(c);
      }
    }
    return text.toString();
  }

  /** Decodes every {@code %XX}; a {@code %} not followed by two hex digits stays as it is. */
  public static String unescape(String text) {
    StringBuilder value = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%' && isHex(text, i + 1) && isHex(text, i + 2)) {
        value.append((char) HexFormat.fromHexDigits(text, i + 1, i + 3));
        i += 2;
      } else {
        value.append(c);
      }
    }
    return value.toString();
  }

  private static boolean isHex(String text, int index) {
    return index < text.length() && Character.digit(text.charAt(index), 16) >= 0;
  }
}
