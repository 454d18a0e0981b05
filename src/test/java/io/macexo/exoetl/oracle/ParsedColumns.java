package io.macexo.exoetl.oracle;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import io.macexo.exoetl.model.OutputColumns;
import org.apache.spark.sql.types.StructType;

/**
 * Schema of the rows the reader emits: one row per CSV line with the selected values and the raw
 * facts validation needs (field counts, the previous timestep, the first non-number column). The
 * reader judges nothing; {@code validate} turns these facts into reason codes.
 *
 * <p>Every file also yields one header row ({@link #IS_HEADER} true), so a trial whose files hold
 * nothing but headers still shows up downstream (as EMPTY_TRIAL) instead of vanishing.
 */
public final class ParsedColumns {
  public static final String PARTICIPANT = OutputColumns.PARTICIPANT;
  public static final String TRIAL_NAME = OutputColumns.TRIAL_NAME;

  /** The index of the selection group the file feeds. */
  public static final String KIND = "kind";

  /** 1-based line number in the file; the header is line 1. */
  public static final String LINE = "line";

  public static final String IS_HEADER = "is_header";

  /** On the header row: EMPTY_FILE or MISSING_COLUMN when the header is unusable, else null. */
  public static final String HEADER_PROBLEM = "header_problem";

  public static final String HEADER_DETAIL = "header_detail";

  /** round(time * rate); null when time is not a number. */
  public static final String STEP = "step";

  /** Step of the previous data row of the same file; null on the first. */
  public static final String PREVIOUS_STEP = "previous_step";

  public static final String FIELD_COUNT = "field_count";
  public static final String EXPECTED_FIELDS = "expected_fields";

  /** True on a last line cut off mid-write (no line end, and short or ending mid-number). */
  public static final String TRUNCATED = "truncated";

  /** First selected column (or time) whose text is not a number; null when all parse. */
  public static final String BAD_COLUMN = "bad_column";

  /**
   * The selected values in configured order; NaN for the missing spellings; null on a malformed
   * row.
   */
  public static final String VALUES = "values";

  public static final StructType SCHEMA =
      new StructType()
          .add(PARTICIPANT, StringType, false)
          .add(TRIAL_NAME, StringType, false)
          .add(KIND, IntegerType, false)
          .add(LINE, LongType, false)
          .add(IS_HEADER, BooleanType, false)
          .add(HEADER_PROBLEM, StringType, true)
          .add(HEADER_DETAIL, StringType, true)
          .add(STEP, LongType, true)
          .add(PREVIOUS_STEP, LongType, true)
          .add(FIELD_COUNT, IntegerType, false)
          .add(EXPECTED_FIELDS, IntegerType, false)
          .add(TRUNCATED, BooleanType, false)
          .add(BAD_COLUMN, StringType, true)
          .add(VALUES, createArrayType(DoubleType, false), true);

  /** Schema of the per-file tasks the reader takes. */
  public static final StructType TASK_SCHEMA =
      new StructType()
          .add(PARTICIPANT, StringType, false)
          .add(TRIAL_NAME, StringType, false)
          .add(KIND, IntegerType, false)
          .add("path", StringType, false);

  private ParsedColumns() {}
}
