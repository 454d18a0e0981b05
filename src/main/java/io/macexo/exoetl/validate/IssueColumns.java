package io.macexo.exoetl.validate;

import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.StructType;

/**
 * An issue is a struct ordered by its fields, so {@code min} over a trial's issues picks the most
 * fundamental problem (lowest {@link io.macexo.exoetl.model.ReasonCode#precedence()}), then the
 * first file, then the first line.
 */
public final class IssueColumns {
  /** The struct column on parsed and joined rows; null when the row is fine. */
  public static final String ISSUE = "issue";

  public static final String PRECEDENCE = "precedence";
  public static final String KIND = "kind";
  public static final String LINE = "line";
  public static final String CODE = "code";
  public static final String DETAIL = "detail";

  public static final StructType TYPE =
      new StructType()
          .add(PRECEDENCE, IntegerType, false)
          .add(KIND, IntegerType, false)
          .add(LINE, LongType, false)
          .add(CODE, StringType, false)
          .add(DETAIL, StringType, false);

  private IssueColumns() {}
}
