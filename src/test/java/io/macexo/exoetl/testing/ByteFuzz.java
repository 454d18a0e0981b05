package io.macexo.exoetl.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Random damage to a file's bytes, the ways files get broken: cut at any byte, bytes inserted or
 * deleted, lines duplicated, deleted or replaced by junk, two fields of a line swapped, a field
 * duplicated, a run of random bytes, the whole file compressed or re-encoded as UTF-16. Each edit
 * says what it did, so a failing case can be read.
 */
public final class ByteFuzz {
  /** Bytes that mean something to a CSV reader, drawn more often than the others. */
  private static final byte[] SIGNIFICANT = ",\"\n\r .-+eE0123456789NnaAIif\t".getBytes();

  private ByteFuzz() {}

  /** What one edit did and its result. */
  public record Edited(byte[] bytes, String what) {}

  /** One random edit of {@code file}. */
  public static Edited edit(byte[] file, Random random) {
    int kind = random.nextInt(20);
    int at = random.nextInt(file.length + 1);
    return switch (kind) {
      case 0, 1, 2 -> cut(file, random);
      case 3, 4 -> insert(file, at, randomBytes(random, 1 + random.nextInt(8)));
      case 5, 6 -> delete(file, at, 1 + random.nextInt(16));
      case 7 -> lineEdit(file, random, "duplicated");
      case 8 -> lineEdit(file, random, "deleted");
      case 9 -> lineEdit(file, random, "replaced by junk");
      case 10, 11 -> swapFields(file, random, false);
      case 12 -> swapFields(file, random, true);
      case 13, 14 -> overwrite(file, at, randomBytes(random, 1 + random.nextInt(32)));
      case 15 -> insert(file, at, "\"".getBytes(StandardCharsets.US_ASCII));
      case 16 -> insert(file, at, new byte[] {(byte) (random.nextBoolean() ? '\r' : '\n')});
      case 17 -> new Edited(gzip(file), "gzip-compressed");
      case 18 ->
          new Edited(
              new String(file, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.UTF_16LE),
              "re-encoded as UTF-16LE");
      default -> overwrite(file, at, new byte[] {SIGNIFICANT[random.nextInt(SIGNIFICANT.length)]});
    };
  }

  /** Cut at any byte; more often in the header, now and then at byte 0 (an empty file). */
  private static Edited cut(byte[] file, Random random) {
    int at =
        switch (random.nextInt(10)) {
          case 0 -> 0;
          case 1, 2 -> random.nextInt(Math.min(file.length, 300) + 1);
          default -> random.nextInt(file.length + 1);
        };
    return new Edited(Arrays.copyOf(file, at), "cut at byte " + at);
  }

  /**
   * Mostly bytes a CSV reader reacts to, else text; a control byte only now and then, as one near
   * the start makes the whole file NOT_CSV and would hide every later check.
   */
  private static byte[] randomBytes(Random random, int count) {
    byte[] bytes = new byte[count];
    for (int i = 0; i < count; i++) {
      int kind = random.nextInt(8);
      bytes[i] =
          kind == 0
              ? (byte) random.nextInt(256)
              : kind < 5
                  ? SIGNIFICANT[random.nextInt(SIGNIFICANT.length)]
                  : (byte) (0x20 + random.nextInt(0xE0));
    }
    return bytes;
  }

  private static Edited insert(byte[] file, int at, byte[] inserted) {
    byte[] result = new byte[file.length + inserted.length];
    System.arraycopy(file, 0, result, 0, at);
    System.arraycopy(inserted, 0, result, at, inserted.length);
    System.arraycopy(file, at, result, at + inserted.length, file.length - at);
    return new Edited(result, "inserted " + Arrays.toString(inserted) + " at byte " + at);
  }

  private static Edited delete(byte[] file, int at, int count) {
    int end = Math.min(file.length, at + count);
    byte[] result = new byte[file.length - (end - at)];
    System.arraycopy(file, 0, result, 0, at);
    System.arraycopy(file, end, result, at, file.length - end);
    return new Edited(result, "deleted bytes " + at + " to " + end);
  }

  private static Edited overwrite(byte[] file, int at, byte[] junk) {
    byte[] result = file.clone();
    int count = Math.min(junk.length, file.length - at);
    System.arraycopy(junk, 0, result, at, count);
    return new Edited(result, "overwrote " + count + " bytes at " + at);
  }

  /** Lines split after each {@code \n}, so joining them gives the file back. */
  private static List<byte[]> lines(byte[] file) {
    List<byte[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < file.length; i++) {
      if (file[i] == '\n') {
        lines.add(Arrays.copyOfRange(file, start, i + 1));
        start = i + 1;
      }
    }
    if (start < file.length) {
      lines.add(Arrays.copyOfRange(file, start, file.length));
    }
    return lines;
  }

  private static byte[] join(List<byte[]> lines) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    lines.forEach(out::writeBytes);
    return out.toByteArray();
  }

  private static Edited lineEdit(byte[] file, Random random, String how) {
    List<byte[]> lines = lines(file);
    if (lines.isEmpty()) {
      return new Edited(file, "no line to edit");
    }
    int line = random.nextInt(lines.size());
    switch (how) {
      case "duplicated" -> lines.add(line, lines.get(line));
      case "deleted" -> lines.remove(line);
      default -> {
        byte[] junk = randomBytes(random, random.nextInt(40));
        lines.set(line, Arrays.copyOf(junk, junk.length + 1));
        lines.get(line)[junk.length] = '\n';
      }
    }
    return new Edited(join(lines), "line " + (line + 1) + " " + how);
  }

  /**
   * Two fields of one line swapped, or (with {@code duplicate}) one field written twice: the line
   * keeps its bytes' look but not its meaning or its field count.
   */
  private static Edited swapFields(byte[] file, Random random, boolean duplicate) {
    List<byte[]> lines = lines(file);
    if (lines.isEmpty()) {
      return new Edited(file, "no line to edit");
    }
    int line = random.nextInt(lines.size());
    String text = new String(lines.get(line), StandardCharsets.ISO_8859_1);
    List<String> fields = new ArrayList<>(List.of(text.split(",", -1)));
    int a = random.nextInt(fields.size());
    int b = random.nextInt(fields.size());
    if (duplicate) {
      fields.add(b, fields.get(a));
    } else {
      String kept = fields.get(a);
      fields.set(a, fields.get(b));
      fields.set(b, kept);
    }
    lines.set(line, String.join(",", fields).getBytes(StandardCharsets.ISO_8859_1));
    String what =
        duplicate ? "field " + a + " duplicated" : "fields " + a + " and " + b + " swapped";
    return new Edited(join(lines), what + " in line " + (line + 1));
  }

  private static byte[] gzip(byte[] file) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
