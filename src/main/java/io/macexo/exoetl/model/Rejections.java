package io.macexo.exoetl.model;

import java.util.List;
import java.util.Locale;

/**
 * Every reason a trial is rejected, with its sentence, built in one place (the pattern of Delta
 * Kernel's {@code DeltaErrors}): discovery, the line reader, the row checks and the merge ask this
 * class, so every reject of one kind reads the same and names the file, the line and the column. A
 * file-level problem is an {@link Issue} (ordered by precedence, file, line), a problem found
 * before any file is read is a {@link Reject}.
 */
public final class Rejections {
  private Rejections() {}

  public static Reject unknownParticipant(TrialId trial) {
    return new Reject(
        trial,
        ReasonCode.UNKNOWN_PARTICIPANT,
        "participant " + trial.participant() + " has no mass in exo-etl.participants");
  }

  public static Reject missingFile(TrialId trial, String fileName) {
    return new Reject(trial, ReasonCode.MISSING_FILE, "missing " + fileName + " in " + trial + "/");
  }

  /**
   * A file the task could not read: {@code cause} says why in words (the exception's message, never
   * its class name alone), e.g. "Permission denied" or "Is a directory".
   */
  public static Reject unreadable(TrialId trial, String fileName, String cause) {
    return new Reject(trial, ReasonCode.UNREADABLE_FILE, "cannot read " + fileName + ": " + cause);
  }

  /** A read that failed with an exception: its message for people, its kind in brackets. */
  public static Reject unreadable(TrialId trial, String fileName, Throwable cause) {
    return unreadable(trial, fileName, describe(cause));
  }

  /** An exception for people: its message, or its kind when it has none. */
  public static String describe(Throwable cause) {
    String message = cause.getMessage();
    String kind = cause.getClass().getSimpleName();
    return message == null || message.isBlank() ? kind : message.strip() + " (" + kind + ")";
  }

  /**
   * A file that is not CSV text, as its first bytes show.
   *
   * @param what what it is instead, e.g. "gzip-compressed", "UTF-16 text", "binary"
   */
  public static Issue notCsv(int file, String fileName, String what) {
    return new Issue(ReasonCode.NOT_CSV, file, 1, fileName + " is not CSV text: it is " + what);
  }

  public static Reject zeroBytes(TrialId trial, String fileName) {
    return new Reject(trial, ReasonCode.EMPTY_FILE, fileName + " is 0 bytes");
  }

  public static Issue noHeader(int file, long line, String fileName) {
    return new Issue(ReasonCode.EMPTY_FILE, file, line, fileName + " has no header line");
  }

  public static Issue missingColumns(int file, long line, String fileName, List<String> columns) {
    return new Issue(
        ReasonCode.MISSING_COLUMN,
        file,
        line,
        fileName + " has no column " + String.join(", ", columns));
  }

  /**
   * A last line without a line end that was cut off mid-write: it has fewer fields than the header,
   * or (when {@code fields >= expected}) it ends inside a quoted field or in the start of a number
   * ({@code 1e-}, {@code -}).
   */
  public static Issue cutOffLine(int file, String fileName, long line, int fields, int expected) {
    String how =
        fields < expected ? fields + " of " + expected + " fields" : "its last field is incomplete";
    return atLine(
        ReasonCode.MALFORMED_ROW,
        file,
        fileName,
        line,
        "the last line is cut off (no line end, " + how + ")");
  }

  public static Issue fieldCount(int file, String fileName, long line, int fields, int expected) {
    return atLine(
        ReasonCode.MALFORMED_ROW,
        file,
        fileName,
        line,
        fields + " fields, the header has " + expected);
  }

  public static Issue notANumber(int file, String fileName, long line, String column) {
    return atLine(
        ReasonCode.MALFORMED_ROW, file, fileName, line, "column " + column + " is not a number");
  }

  public static Issue infinite(int file, String fileName, long line, String column) {
    return atLine(ReasonCode.NON_FINITE, file, fileName, line, "column " + column + " is infinite");
  }

  public static Issue stepNotAfter(int file, String fileName, long line, long step, long previous) {
    return atLine(
        ReasonCode.DUPLICATE_TIMESTEP,
        file,
        fileName,
        line,
        "time step "
            + step
            + " does not follow step "
            + previous
            + " (time repeats or goes backwards)");
  }

  public static Issue nan(int file, String fileName, long line, String column) {
    return atLine(ReasonCode.NAN, file, fileName, line, "column " + column + " is NaN");
  }

  public static Issue emptyTrial() {
    return new Issue(ReasonCode.EMPTY_TRIAL, 0, 0, "the files have headers but no data rows");
  }

  /**
   * A time step some files have and others lack.
   *
   * @param present the file kinds that have the step, e.g. {@code exo, angle_filt}
   */
  public static Issue lengthMismatch(
      long step, int samplingRateHz, List<String> present, List<String> absent) {
    String seconds = String.format(Locale.ROOT, "%.3f", step / (double) samplingRateHz);
    return new Issue(
        ReasonCode.LENGTH_MISMATCH,
        0,
        step,
        "time step "
            + step
            + " (t = "
            + seconds
            + " s) is in "
            + String.join(", ", present)
            + " but not in "
            + String.join(", ", absent));
  }

  private static Issue atLine(ReasonCode code, int file, String fileName, long line, String what) {
    return new Issue(code, file, line, fileName + " line " + line + ": " + what);
  }
}
