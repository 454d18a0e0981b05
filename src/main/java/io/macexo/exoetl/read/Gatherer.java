package io.macexo.exoetl.read;

import java.util.Arrays;

/**
 * Gathers one CSV record byte by byte into its own array, across reads: removes the quotes of
 * quoted fields (a doubled {@code ""} inside them is one quote), keeps their commas and line
 * breaks, and records where each field starts. The slow path of {@link ByteLines}, taken by records
 * with a quote and by the one record per read buffer that runs across two reads.
 */
final class Gatherer {
  private static final int FIELD_START = 0;
  private static final int UNQUOTED = 1;
  private static final int QUOTED = 2;
  private static final int QUOTE_IN_QUOTED = 3;

  private byte[] bytes = new byte[1024];
  private int length;
  private int[] starts = new int[128];
  private int fields;
  private int state;
  private boolean any;
  private int breaksInQuotes;
  private boolean lastWasCr;

  /** Starts a new record. */
  void reset() {
    length = 0;
    fields = 1;
    starts[0] = 0;
    state = FIELD_START;
    any = false;
    breaksInQuotes = 0;
    lastWasCr = false;
  }

  /**
   * Takes the record's bytes from {@code in[from, to)}. Returns the index of the line break (CR or
   * LF outside quotes) that ends the record, or -1 when every byte was taken and the record goes
   * on.
   */
  int take(byte[] in, int from, int to) {
    for (int i = from; i < to; i++) {
      byte c = in[i];
      any = true;
      if (state == QUOTED) {
        if (c == '"') {
          state = QUOTE_IN_QUOTED;
        } else {
          quoted(c);
        }
        continue;
      }
      if (state == QUOTE_IN_QUOTED && c == '"') {
        append(c);
        state = QUOTED;
        continue;
      }
      if (state == FIELD_START && c == '"') {
        state = QUOTED;
        continue;
      }
      // Unquoted, or just after a closing quote: whatever follows it up to the comma is kept.
      state = UNQUOTED;
      if (c == ',') {
        newField();
      } else if (c == '\n' || c == '\r') {
        return i;
      } else {
        append(c);
      }
    }
    return -1;
  }

  /** A byte inside quotes; its line breaks are counted (CRLF once) so line numbers stay true. */
  private void quoted(byte c) {
    if (c == '\r' || (c == '\n' && !lastWasCr)) {
      breaksInQuotes++;
    }
    lastWasCr = c == '\r';
    append(c);
  }

  /**
   * Ends a field: a separator byte is kept between fields, so the layout is the read buffer's and
   * field {@code i} ends one byte before field {@code i + 1} starts.
   */
  private void newField() {
    append((byte) ',');
    if (fields + 1 >= starts.length) {
      starts = Arrays.copyOf(starts, starts.length * 2);
    }
    starts[fields++] = length;
    state = FIELD_START;
  }

  private void append(byte c) {
    if (length == bytes.length) {
      bytes = Arrays.copyOf(bytes, bytes.length * 2);
    }
    bytes[length++] = c;
  }

  /** Whether the record has taken any byte (a record at the end of the input may have none). */
  boolean any() {
    return any;
  }

  /** Whether the input ended inside a quoted field. */
  boolean inQuotes() {
    return state == QUOTED;
  }

  int breaksInQuotes() {
    return breaksInQuotes;
  }

  byte[] bytes() {
    return bytes;
  }

  int length() {
    return length;
  }

  /** Each field's start offset in {@link #bytes()}, {@link #fields()} of them. */
  int[] starts() {
    return starts;
  }

  int fields() {
    return fields;
  }
}
