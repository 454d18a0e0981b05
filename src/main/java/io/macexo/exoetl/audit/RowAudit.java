package io.macexo.exoetl.audit;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import io.macexo.exoetl.audit.Problem.Check;
import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.model.Locations;
import io.macexo.exoetl.model.OutputColumns;
import io.macexo.exoetl.model.OutputLayout;
import io.macexo.exoetl.model.Selection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Checks every row of the data as DataFrame expressions: array widths (24/4/4), lengths equal to
 * sequence_length, duplicate trials, configured masses, infinite values and NaN against the NaN
 * policy, and that each file's folder names its rows' participant. Offending trials are collected
 * (at most 20 a check), never sensor values.
 */
final class RowAudit {
  private static final int SHOWN = 20;

  private RowAudit() {}

  static List<Problem> check(Dataset<Row> data, EtlConfig config, boolean nanRejected) {
    List<Problem> problems = new ArrayList<>();
    Dataset<Row> facts =
        data.select(
            col(OutputColumns.PARTICIPANT),
            col(OutputColumns.TRIAL_NAME),
            col("_file"),
            expr(widthCheck(config.selection())).as("bad_width"),
            expr(lengthCheck(config.selection())).as("bad_length"),
            expr(count(config.selection(), "abs(x) = double('Infinity')")).as("infinite"),
            expr(count(config.selection(), "isnan(x)")).as("nan"),
            massCheck(config.massesKg()).as("bad_mass"));
    facts.cache();
    try {
      add(
          problems,
          facts,
          "bad_width",
          Check.WIDTH,
          AuditMessages.badWidth(config.selection().widths()));
      add(problems, facts, "bad_length", Check.LENGTH, AuditMessages.BAD_LENGTH);
      add(problems, facts, "infinite > 0", Check.NON_FINITE, AuditMessages.INFINITE);
      add(problems, facts, "bad_mass", Check.MASS, AuditMessages.BAD_MASS);
      problems.addAll(folders(facts));
      if (nanRejected) {
        add(problems, facts, "nan > 0", Check.NAN_POLICY, AuditMessages.NAN_REJECTED);
      }
      for (Row row :
          facts
              .groupBy(OutputColumns.PARTICIPANT, OutputColumns.TRIAL_NAME)
              .count()
              .where("count > 1")
              .limit(SHOWN)
              .collectAsList()) {
        problems.add(
            AuditMessages.duplicate(row.getString(0) + "/" + row.getString(1), row.getLong(2)));
      }
    } finally {
      facts.unpersist();
    }
    return problems;
  }

  /**
   * Rows in another participant's folder. Compared on the driver, per distinct (participant, file):
   * file URIs are percent-encoded, and no SQL decoding gives back every name a file system allows.
   */
  private static List<Problem> folders(Dataset<Row> facts) {
    List<Problem> problems = new ArrayList<>();
    for (Row row :
        facts.select(col(OutputColumns.PARTICIPANT), col("_file")).distinct().collectAsList()) {
      String participant = row.getString(0);
      Path file = Locations.path(row.getString(1));
      String folder = file.getParent().getName();
      if (!folder.equals(OutputLayout.folderName(participant))
          && !folder.equals(OutputLayout.LEGACY_FOLDER_PREFIX + participant)
          && problems.size() < SHOWN) {
        problems.add(AuditMessages.misplaced(folder + "/" + file.getName(), participant));
      }
    }
    return problems;
  }

  private static void add(
      List<Problem> problems, Dataset<Row> facts, String condition, Check check, String what) {
    for (Row row :
        facts
            .where(condition)
            .select(OutputColumns.PARTICIPANT, OutputColumns.TRIAL_NAME)
            .limit(SHOWN)
            .collectAsList()) {
      problems.add(AuditMessages.row(check, row.getString(0) + "/" + row.getString(1), what));
    }
  }

  /** True when a row of some array has another width than its group's. */
  private static String widthCheck(Selection selection) {
    return selection.groups().stream()
        .map(g -> "exists(" + g.column() + ", r -> size(r) != " + g.width() + ")")
        .collect(java.util.stream.Collectors.joining(" OR "));
  }

  private static String lengthCheck(Selection selection) {
    return selection.columns().stream()
        .map(column -> "size(" + column + ") != " + OutputColumns.SEQUENCE_LENGTH)
        .collect(java.util.stream.Collectors.joining(" OR "));
  }

  private static String count(Selection selection, String predicate) {
    return selection.columns().stream()
        .map(column -> "size(filter(flatten(" + column + "), x -> " + predicate + "))")
        .collect(java.util.stream.Collectors.joining(" + "));
  }

  private static Column massCheck(Map<String, Double> masses) {
    StringBuilder cases = new StringBuilder("CASE participant");
    masses.forEach(
        (participant, mass) ->
            cases
                .append(" WHEN '")
                .append(participant.replace("'", "''"))
                .append("' THEN abs(mass_kg - ")
                .append(mass)
                .append(") > 1e-9"));
    return expr("coalesce(" + cases.append(" ELSE true END").toString() + ", true)");
  }
}
