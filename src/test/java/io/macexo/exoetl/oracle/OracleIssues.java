package io.macexo.exoetl.oracle;

import io.macexo.exoetl.model.Issue;
import io.macexo.exoetl.model.Rejections;
import io.macexo.exoetl.model.Selection;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * Turns the oracle's issue facts (an {@link IssueColumns#TYPE} row) into the job's {@link Issue}.
 */
final class OracleIssues {
  private OracleIssues() {}

  static Issue of(
      Row issue, String participant, String trial, Selection selection, int samplingRateHz) {
    int kind = issue.getInt(issue.fieldIndex(IssueColumns.KIND));
    long line = issue.getLong(issue.fieldIndex(IssueColumns.LINE));
    String file = selection.group(kind).fileName(participant, trial);
    String column = issue.getString(issue.fieldIndex(IssueColumns.COLUMN));
    return switch (IssueColumns.What.valueOf(
        issue.getString(issue.fieldIndex(IssueColumns.WHAT)))) {
      case HEADER ->
          new Issue(
              io.macexo.exoetl.model.ReasonCode.valueOf(
                  issue.getString(issue.fieldIndex(IssueColumns.CODE))),
              kind,
              line,
              issue.getString(issue.fieldIndex(IssueColumns.DETAIL)));
      case CUT_OFF ->
          Rejections.cutOffLine(
              kind,
              file,
              line,
              (int) number(issue, IssueColumns.FIRST),
              (int) number(issue, IssueColumns.SECOND));
      case FIELD_COUNT ->
          Rejections.fieldCount(
              kind,
              file,
              line,
              (int) number(issue, IssueColumns.FIRST),
              (int) number(issue, IssueColumns.SECOND));
      case NOT_A_NUMBER -> Rejections.notANumber(kind, file, line, column);
      case INFINITE -> Rejections.infinite(kind, file, line, column);
      case STEP ->
          Rejections.stepNotAfter(
              kind,
              file,
              line,
              number(issue, IssueColumns.FIRST),
              number(issue, IssueColumns.SECOND));
      case NAN -> Rejections.nan(kind, file, line, column);
      case MISMATCH ->
          Rejections.lengthMismatch(
              line,
              samplingRateHz,
              list(issue, IssueColumns.PRESENT),
              list(issue, IssueColumns.ABSENT));
      case EMPTY_TRIAL -> Rejections.emptyTrial();
    };
  }

  private static long number(Row issue, String field) {
    return issue.getLong(issue.fieldIndex(field));
  }

  private static List<String> list(Row issue, String field) {
    return Arrays.asList(issue.getString(issue.fieldIndex(field)).split(", "));
  }
}
