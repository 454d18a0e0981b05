package io.macexo.exoetl.oracle;

import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.StructType;

/**
 * The oracle's issue: a struct of facts ordered by its first fields, so {@code min} over a trial's
 * issues picks the most fundamental problem (lowest precedence), then the first file, then the
 * first line, as the job's {@code Issue} order does. The sentence is not built in SQL: the driver
 * hands the facts to the job's own {@code Rejections} factory ({@link OracleIssues}), so both
 * engines print the same words from one place.
 */
public final class IssueColumns {
  /** The struct column on parsed and joined rows; null when the row is fine. */
  public static final String ISSUE = "issue";

  public static final String PRECEDENCE = "precedence";
  public static final String KIND = "kind";
  public static final String LINE = "line";
  public static final String CODE = "code";

  /** Which check found it, see {@link What}. */
  public static final String WHAT = "what";

  /** The column at fault (a name), when there is one. */
  public static final String COLUMN = "column";

  /** Two numbers of the sentence: fields and expected fields, or step and previous step. */
  public static final String FIRST = "first";

  public static final String SECOND = "second";

  /** LENGTH_MISMATCH: the file kinds that have the step and those that lack it, comma-joined. */
  public static final String PRESENT = "present";

  public static final String ABSENT = "absent";

  /** A header problem's sentence, made by the reader (which asked the factory). */
  public static final String DETAIL = "detail";

  public static final StructType TYPE =
      new StructType()
          .add(PRECEDENCE, IntegerType, false)
          .add(KIND, IntegerType, false)
          .add(LINE, LongType, false)
          .add(CODE, StringType, false)
          .add(WHAT, StringType, false)
          .add(COLUMN, StringType, true)
          .add(FIRST, LongType, true)
          .add(SECOND, LongType, true)
          .add(PRESENT, StringType, true)
          .add(ABSENT, StringType, true)
          .add(DETAIL, StringType, true);

  /** The checks, by the sentence each gets. */
  public enum What {
    HEADER,
    CUT_OFF,
    FIELD_COUNT,
    NOT_A_NUMBER,
    INFINITE,
    STEP,
    NAN,
    MISMATCH,
    EMPTY_TRIAL
  }

  private IssueColumns() {}
}
