package io.macexo.exoetl.validate;

import static io.macexo.exoetl.read.ParsedColumns.BAD_COLUMN;
import static io.macexo.exoetl.read.ParsedColumns.EXPECTED_FIELDS;
import static io.macexo.exoetl.read.ParsedColumns.FIELD_COUNT;
import static io.macexo.exoetl.read.ParsedColumns.HEADER_DETAIL;
import static io.macexo.exoetl.read.ParsedColumns.HEADER_PROBLEM;
import static io.macexo.exoetl.read.ParsedColumns.KIND;
import static io.macexo.exoetl.read.ParsedColumns.LINE;
import static io.macexo.exoetl.read.ParsedColumns.PARTICIPANT;
import static io.macexo.exoetl.read.ParsedColumns.PREVIOUS_STEP;
import static io.macexo.exoetl.read.ParsedColumns.STEP;
import static io.macexo.exoetl.read.ParsedColumns.TRIAL_NAME;
import static io.macexo.exoetl.read.ParsedColumns.TRUNCATED;
import static io.macexo.exoetl.read.ParsedColumns.VALUES;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.config.NanPolicy;
import io.macexo.exoetl.model.FileKind;
import io.macexo.exoetl.model.ReasonCode;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Row-level validation as DataFrame expressions: adds an {@link IssueColumns#ISSUE} struct to every
 * parsed row (null when the row is fine), with the reason code and a sentence naming the file, the
 * line and the column. A pure transformation: no I/O, no action, no shuffle.
 *
 * <p>Checks, in precedence order: an unusable header (EMPTY_FILE, MISSING_COLUMN), a wrong field
 * count or a cut-off last line or a non-number in a selected column (MALFORMED_ROW), an infinite
 * value (NON_FINITE), a step not after the previous one (DUPLICATE_TIMESTEP), and under
 * nan-policy=reject a NaN (NAN). Checks across files (LENGTH_MISMATCH, EMPTY_TRIAL) belong to
 * {@code assemble}.
 */
public final class RowChecks {
  private RowChecks() {}

  public static Dataset<Row> flag(Dataset<Row> parsed, EtlConfig config) {
    Column file = fileName();
    Column where = concat(file, lit(" line "), col(LINE).cast("string"), lit(": "));
    Column infinite = firstMatching("abs(x) = double('Infinity')");
    Column nan = firstMatching("isnan(x)");
    boolean rejectNan = config.nanPolicy() == NanPolicy.REJECT;
    Column issue =
        when(col(HEADER_PROBLEM).isNotNull(), issue(col(HEADER_PROBLEM), col(HEADER_DETAIL)))
            .when(
                col(TRUNCATED),
                issue(
                    ReasonCode.MALFORMED_ROW,
                    concat(where, lit("the last line is cut off (no line end)"))))
            .when(
                col(FIELD_COUNT).notEqual(col(EXPECTED_FIELDS)),
                issue(
                    ReasonCode.MALFORMED_ROW,
                    concat(
                        where,
                        col(FIELD_COUNT).cast("string"),
                        lit(" fields, the header has "),
                        col(EXPECTED_FIELDS).cast("string"))))
            .when(
                col(BAD_COLUMN).isNotNull(),
                issue(
                    ReasonCode.MALFORMED_ROW,
                    concat(where, lit("column "), col(BAD_COLUMN), lit(" is not a number"))))
            .when(
                infinite.isNotNull(),
                issue(
                    ReasonCode.NON_FINITE,
                    concat(
                        where, lit("column "), columnName(config, infinite), lit(" is infinite"))))
            .when(
                col(PREVIOUS_STEP).isNotNull().and(col(STEP).leq(col(PREVIOUS_STEP))),
                issue(
                    ReasonCode.DUPLICATE_TIMESTEP,
                    concat(
                        where,
                        lit("time step "),
                        col(STEP).cast("string"),
                        lit(" does not follow step "),
                        col(PREVIOUS_STEP).cast("string"),
                        lit(" (time repeats or goes backwards)"))))
            .when(
                lit(rejectNan).and(nan.isNotNull()),
                issue(
                    ReasonCode.NAN,
                    concat(where, lit("column "), columnName(config, nan), lit(" is NaN"))));
    return parsed.withColumn(IssueColumns.ISSUE, issue);
  }

  /** The 1-based position of the first value matching a predicate on x, or null. */
  private static Column firstMatching(String predicate) {
    return expr(
        "nullif(array_position(transform(" + VALUES + ", x -> " + predicate + "), true), 0)");
  }

  private static Column columnName(EtlConfig config, Column position) {
    Column[] perKind =
        Arrays.stream(FileKind.values())
            .map(
                kind ->
                    array(
                        config.features().columnsOf(kind).stream()
                            .map(name -> lit(name))
                            .toArray(Column[]::new)))
            .toArray(Column[]::new);
    return element_at(element_at(array(perKind), col(KIND).plus(1)), position.cast("int"));
  }

  /** The CSV file name a parsed row came from, e.g. BT01_jump_1_1_vertical_on_exo.csv. */
  static Column fileName() {
    Column[] suffixes =
        Arrays.stream(FileKind.values()).map(kind -> lit(kind.suffix())).toArray(Column[]::new);
    return concat(
        col(PARTICIPANT),
        lit("_"),
        col(TRIAL_NAME),
        lit("_"),
        element_at(array(suffixes), col(KIND).plus(1)),
        lit(".csv"));
  }

  static Column issue(ReasonCode code, Column detail) {
    return issue(lit(code.name()), lit(code.precedence()), detail);
  }

  private static Column issue(Column code, Column detail) {
    return issue(code, precedenceOf(code), detail);
  }

  private static Column issue(Column code, Column precedence, Column detail) {
    return struct(
        precedence.as(IssueColumns.PRECEDENCE),
        col(KIND).as(IssueColumns.KIND),
        col(LINE).as(IssueColumns.LINE),
        code.as(IssueColumns.CODE),
        detail.as(IssueColumns.DETAIL));
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
