package io.macexo.exoetl.read;

import java.util.Locale;

/**
 * Tells from the first bytes of a file whether it is not CSV text, and what it is instead: a
 * compressed file or archive by its magic number (gzip {@code 1f 8b}, zip {@code PK 03 04}, bzip2,
 * xz, zstd), an OLE2 compound file (an old Excel workbook), UTF-16 or UTF-32 text by its byte order
 * mark or by NUL bytes at every other position, and binary data by a NUL or another control byte
 * (any below 0x20 but tab, line feed, vertical tab, form feed and carriage return). UTF-8 with or
 * without a byte order mark, and Latin-1, are text. Pure; the reader asks it before the header, so
 * both engines report the same.
 */
final class ContentSniffer {
  /** How many first bytes are looked at: the header line of a Phase1 file and more. */
  static final int HEAD_BYTES = 4096;

  /** Fewest byte pairs that can show UTF-16 without a byte order mark. */
  private static final int MINIMUM_PAIRS = 4;

  private ContentSniffer() {}

  /** What the file is when it is not text, e.g. "gzip-compressed"; null when it is text. */
  static String notText(byte[] head, int length) {
    String magic = magic(head, length);
    if (magic != null) {
      return magic;
    }
    String unicode = wideUnicode(head, length);
    if (unicode != null) {
      return unicode;
    }
    for (int i = 0; i < length; i++) {
      int c = head[i] & 0xFF;
      if (c < 0x20 && (c < '\t' || c > '\r')) {
        return binary(head, length, i, c);
      }
    }
    return null;
  }

  private static String magic(byte[] head, int length) {
    if (starts(head, length, 0x1F, 0x8B)) {
      return "gzip-compressed";
    }
    if (starts(head, length, 'P', 'K', 0x03, 0x04)
        || starts(head, length, 'P', 'K', 0x05, 0x06)
        || starts(head, length, 'P', 'K', 0x07, 0x08)) {
      return "a zip archive (an .xlsx workbook is one)";
    }
    if (starts(head, length, 0xFD, '7', 'z', 'X', 'Z', 0x00)) {
      return "xz-compressed";
    }
    if (starts(head, length, 0x28, 0xB5, 0x2F, 0xFD)) {
      return "zstd-compressed";
    }
    if (starts(head, length, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
      return "an OLE2 compound file (an old .xls workbook is one)";
    }
    return null;
  }

  /** UTF-32 and UTF-16 by their byte order marks, or UTF-16 by NULs at every other position. */
  private static String wideUnicode(byte[] head, int length) {
    if (starts(head, length, 0xFF, 0xFE, 0x00, 0x00) || starts(head, length, 0, 0, 0xFE, 0xFF)) {
      return "UTF-32 text (save it as UTF-8)";
    }
    if (starts(head, length, 0xFF, 0xFE) || starts(head, length, 0xFE, 0xFF)) {
      return "UTF-16 text (save it as UTF-8)";
    }
    int evenNuls = 0;
    int oddNuls = 0;
    for (int i = 0; i < length; i++) {
      if (head[i] == 0) {
        evenNuls += 1 - (i & 1);
        oddNuls += i & 1;
      }
    }
    // ASCII as UTF-16 has a NUL in every pair: at odd offsets little-endian, even big-endian. A
    // few bytes prove nothing: they count as binary.
    int pairs = length / 2;
    if (pairs >= MINIMUM_PAIRS
        && (evenNuls == 0 || oddNuls == 0)
        && evenNuls + oddNuls >= pairs * 3 / 4) {
      return "UTF-16 text without a byte order mark (save it as UTF-8)";
    }
    return null;
  }

  /** Binary; magic numbers that are printable letters count only in a file that is binary. */
  private static String binary(byte[] head, int length, int offset, int c) {
    if (starts(head, length, 'B', 'Z', 'h')) {
      return "bzip2-compressed";
    }
    if (starts(head, length, 'P', 'A', 'R', '1')) {
      return "a Parquet file";
    }
    return String.format(Locale.ROOT, "binary (byte 0x%02x at offset %d)", c, offset);
  }

  private static boolean starts(byte[] head, int length, int... magic) {
    if (length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((head[i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
