package io.macexo.exoetl.oracle;

import static io.macexo.exoetl.oracle.ParsedColumns.BAD_COLUMN;
import static io.macexo.exoetl.oracle.ParsedColumns.EXPECTED_FIELDS;
import static io.macexo.exoetl.oracle.ParsedColumns.FIELD_COUNT;
import static io.macexo.exoetl.oracle.ParsedColumns.HEADER_DETAIL;
import static io.macexo.exoetl.oracle.ParsedColumns.HEADER_PROBLEM;
import static io.macexo.exoetl.oracle.ParsedColumns.KIND;
import static io.macexo.exoetl.oracle.ParsedColumns.LINE;
import static io.macexo.exoetl.oracle.ParsedColumns.PREVIOUS_STEP;
import static io.macexo.exoetl.oracle.ParsedColumns.STEP;
import static io.macexo.exoetl.oracle.ParsedColumns.TRUNCATED;
import static io.macexo.exoetl.oracle.ParsedColumns.VALUES;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.config.NanPolicy;
import io.macexo.exoetl.model.ReasonCode;
import io.macexo.exoetl.oracle.IssueColumns.What;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The oracle's row checks as DataFrame expressions: adds an {@link IssueColumns#ISSUE} struct of
 * facts to every parsed row (null when the row is fine). A pure transformation: no I/O, no action,
 * no shuffle. The same checks in the same order as the job's {@code LineChecks}: an unusable header
 * (EMPTY_FILE, MISSING_COLUMN), a cut-off last line, a wrong field count or a non-number
 * (MALFORMED_ROW), an infinite value (NON_FINITE), a step not after the previous one
 * (DUPLICATE_TIMESTEP), and under nan-policy=reject a NaN (NAN).
 */
final class RowChecks {
  private RowChecks() {}

  static Dataset<Row> flag(Dataset<Row> parsed, EtlConfig config) {
    Column infinite = firstMatching("abs(x) = double('Infinity')");
    Column nan = firstMatching("isnan(x)");
    boolean rejectNan = config.nanPolicy() == NanPolicy.REJECT;
    Column issue =
        when(
                col(HEADER_PROBLEM).isNotNull(),
                issue(col(HEADER_PROBLEM), What.HEADER)
                    .withField(IssueColumns.DETAIL, col(HEADER_DETAIL)))
            .when(
                col(TRUNCATED),
                issue(ReasonCode.MALFORMED_ROW, What.CUT_OFF)
                    .withField(IssueColumns.FIRST, col(FIELD_COUNT).cast("long"))
                    .withField(IssueColumns.SECOND, col(EXPECTED_FIELDS).cast("long")))
            .when(
                col(FIELD_COUNT).notEqual(col(EXPECTED_FIELDS)),
                issue(ReasonCode.MALFORMED_ROW, What.FIELD_COUNT)
                    .withField(IssueColumns.FIRST, col(FIELD_COUNT).cast("long"))
                    .withField(IssueColumns.SECOND, col(EXPECTED_FIELDS).cast("long")))
            .when(
                col(BAD_COLUMN).isNotNull(),
                issue(ReasonCode.MALFORMED_ROW, What.NOT_A_NUMBER)
                    .withField(IssueColumns.COLUMN, col(BAD_COLUMN)))
            .when(
                infinite.isNotNull(),
                issue(ReasonCode.NON_FINITE, What.INFINITE)
                    .withField(IssueColumns.COLUMN, columnName(config, infinite)))
            .when(
                col(PREVIOUS_STEP).isNotNull().and(col(STEP).leq(col(PREVIOUS_STEP))),
                issue(ReasonCode.DUPLICATE_TIMESTEP, What.STEP)
                    .withField(IssueColumns.FIRST, col(STEP))
                    .withField(IssueColumns.SECOND, col(PREVIOUS_STEP)))
            .when(
                lit(rejectNan).and(nan.isNotNull()),
                issue(ReasonCode.NAN, What.NAN)
                    .withField(IssueColumns.COLUMN, columnName(config, nan)));
    return parsed.withColumn(IssueColumns.ISSUE, issue);
  }

  /** The 1-based position of the first value matching a predicate on x, or null. */
  private static Column firstMatching(String predicate) {
    return expr(
        "nullif(array_position(transform(" + VALUES + ", x -> " + predicate + "), true), 0)");
  }

  private static Column columnName(EtlConfig config, Column position) {
    Column[] perKind =
        config.selection().groups().stream()
            .map(
                group ->
                    array(group.features().stream().map(name -> lit(name)).toArray(Column[]::new)))
            .toArray(Column[]::new);
    return element_at(element_at(array(perKind), col(KIND).plus(1)), position.cast("int"));
  }

  private static Column issue(ReasonCode code, What what) {
    return issue(lit(code.name()), lit(code.precedence()), what);
  }

  private static Column issue(Column code, What what) {
    return issue(code, precedenceOf(code), what);
  }

  /** An issue at this row's file and line, its other facts null until set. */
  static Column issue(Column code, Column precedence, What what) {
    return struct(
        precedence.as(IssueColumns.PRECEDENCE),
        col(KIND).as(IssueColumns.KIND),
        col(LINE).as(IssueColumns.LINE),
        code.as(IssueColumns.CODE),
        lit(what.name()).as(IssueColumns.WHAT),
        lit(null).cast("string").as(IssueColumns.COLUMN),
        lit(null).cast("long").as(IssueColumns.FIRST),
        lit(null).cast("long").as(IssueColumns.SECOND),
        lit(null).cast("string").as(IssueColumns.PRESENT),
        lit(null).cast("string").as(IssueColumns.ABSENT),
        lit(null).cast("string").as(IssueColumns.DETAIL));
  }

  /** Maps a code name to its precedence with a literal CASE, so the enum stays the one source. */
  static Column precedenceOf(Column code) {
    Column result = null;
    for (ReasonCode reason : ReasonCode.values()) {
      result =
          result == null
              ? when(code.equalTo(reason.name()), reason.precedence())
              : result.when(code.equalTo(reason.name()), reason.precedence());
    }
    return result;
  }
}
