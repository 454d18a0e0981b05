package io.macexo.exoetl.synth;

import io.macexo.exoetl.model.ReasonCode;

/**
 * The broken trials {@code --defects} adds: one per reason code that a tree's names and bytes can
 * cause under the default nan-policy (keep), three for MALFORMED_ROW because a row can be malformed
 * in three ways. UNREADABLE_FILE comes from a folder where a file should be; its other causes (no
 * permission, an I/O error) only a failing file system can make. Each defect trial is otherwise a
 * clean normal_walk trial, so it triggers exactly its own reason code.
 *
 * <p>Folder names are {@code defect_1_<slug>_on}: task {@code defect}, session 1, the slug as
 * descriptor, powered. So they fit the trial grammar {@code
 * <task>_<session>[_<repeat>][_<descriptor>]_<on|off>} even for a strict parser (task letters and
 * underscores, session digits), and never collide with a drawn name.
 */
public enum Defect {
  /** The angle_filt file is absent. */
  MISSING_FILE("missing-file", ReasonCode.MISSING_FILE),
  /** The moment_filt_bio file has 0 bytes. */
  EMPTY_FILE("empty-file", ReasonCode.EMPTY_FILE),
  /**
   * The exo file is gzip-compressed under its {@code .csv} name, as a careless export leaves it.
   */
  NOT_CSV("not-csv", ReasonCode.NOT_CSV),
  /** angle_filt lacks the selected knee_angle_r column, header and values. */
  MISSING_COLUMN("missing-column", ReasonCode.MISSING_COLUMN),
  /** Data row 10 of the exo file has one field fewer than the header. */
  SHORT_ROW("short-row", ReasonCode.MALFORMED_ROW),
  /** {@code abc} in the selected exo column thigh_imu_l_accel_x. */
  TEXT_IN_SELECTED_COLUMN("text-value", ReasonCode.MALFORMED_ROW),
  /** The moment file's last line is cut mid-line, with no trailing newline. */
  TRUNCATED_LAST_LINE("truncated-line", ReasonCode.MALFORMED_ROW),
  /** {@code Infinity} in the selected moment column knee_angle_r_moment. */
  INFINITY("infinity", ReasonCode.NON_FINITE),
  /** One exo row appears twice in a row; the next sample is left out so the row count stays. */
  DUPLICATE_TIMESTEP("duplicate-time", ReasonCode.DUPLICATE_TIMESTEP),
  /** All three files have a header and no data rows. */
  EMPTY_TRIAL("empty-trial", ReasonCode.EMPTY_TRIAL),
  /** moment_filt_bio lacks its last {@link #MISSING_TAIL_ROWS} rows. */
  LENGTH_MISMATCH("length-mismatch", ReasonCode.LENGTH_MISMATCH),
  /** A trial of participant {@link #UNKNOWN_PARTICIPANT_NAME}, who has no body mass configured. */
  UNKNOWN_PARTICIPANT("unknown-participant", ReasonCode.UNKNOWN_PARTICIPANT),
  /**
   * The moment_filt_bio "file" is a folder holding {@code part-00000.csv}, as Spark's CSV writer
   * leaves one: a folder where a file should be, on a local disk and on an object store alike.
   */
  FOLDER_NOT_FILE("folder-not-file", ReasonCode.UNREADABLE_FILE);

  /**
   * The participant folder of the UNKNOWN_PARTICIPANT defect; not in the Phase1 participant list.
   */
  public static final String UNKNOWN_PARTICIPANT_NAME = "BT99";

  /** How many rows LENGTH_MISMATCH leaves out at the end of the moment file. */
  public static final int MISSING_TAIL_ROWS = 10;

  /** The data row (0-based, after the header) that SHORT_ROW shortens. */
  public static final int SHORT_ROW_INDEX = 10;

  /** The selected angle_filt column MISSING_COLUMN leaves out. */
  public static final String MISSING_COLUMN_NAME = "knee_angle_r";

  /** The selected exo column TEXT_IN_SELECTED_COLUMN writes {@link #TEXT_VALUE} into. */
  public static final String TEXT_COLUMN = "thigh_imu_l_accel_x";

  /** The non-number TEXT_IN_SELECTED_COLUMN writes into a selected column. */
  public static final String TEXT_VALUE = "abc";

  /** The selected moment column INFINITY writes {@link #INFINITY_TEXT} into. */
  public static final String INFINITY_COLUMN = "knee_angle_r_moment";

  /** Java's and Spark's spelling of positive infinity. */
  public static final String INFINITY_TEXT = "Infinity";

  private final String slug;
  private final ReasonCode reasonCode;

  Defect(String slug, ReasonCode reasonCode) {
    this.slug = slug;
    this.reasonCode = reasonCode;
  }

  /** The trial folder name, e.g. {@code defect_1_missing-file_on}. */
  public String trialName() {
    return "defect_1_" + slug + "_on";
  }

  /** The reason code the job must give this trial. */
  public ReasonCode reasonCode() {
    return reasonCode;
  }
}
