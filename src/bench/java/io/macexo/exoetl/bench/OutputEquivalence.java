package io.macexo.exoetl.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks that prepare and the DuckDB peer wrote the same dataset, so that timing them side by side
 * is honest: the same trials, the same sequence lengths and masses, arrays of the right shape, and
 * the same values within a float tolerance (NaN where the other has NaN). Both outputs are read
 * with DuckDB ({@code read_parquet}, no Hive partitioning: the rows must carry {@code participant}
 * themselves). Runs in the bench's JVM after the first round.
 *
 * <p>Arrays are compared flattened: whole-list equality first (it holds when both parsed the same
 * text to the same double and cast it to float), element by element only for trials where it does
 * not.
 */
final class OutputEquivalence {
  /** Relative tolerance on values: |a - b| / max(1, |a|). */
  static final double TOLERANCE = 1e-6;

  private static final int SHOWN = 10;
  private static final List<String> ARRAYS = List.of("imu", "angle", "moment");

  private OutputEquivalence() {}

  /**
   * What the comparison found; {@code problems} is empty when the outputs agree.
   *
   * @param identicalTrials trials whose three arrays are equal as they are
   * @param largestDifference the largest relative difference among trials that are not identical
   */
  record Comparison(
      long leftTrials,
      long rightTrials,
      long leftSamples,
      long rightSamples,
      long identicalTrials,
      double largestDifference,
      List<String> problems) {
    Comparison {
      problems = List.copyOf(problems);
    }

    boolean same() {
      return problems.isEmpty();
    }
  }

  /** Compares the Parquet files under two folders (any depth). */
  static Comparison compare(Path left, Path right) throws SQLException {
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
      execute(duck, "SET threads = " + Runtime.getRuntime().availableProcessors());
      load(duck, "l", left);
      load(duck, "r", right);
      List<String> problems = new ArrayList<>();
      problems.addAll(shapeProblems(duck, "l", left));
      problems.addAll(shapeProblems(duck, "r", right));
      problems.addAll(
          rows(
              duck,
              "SELECT coalesce(l.participant, r.participant) || '/' || coalesce(l.trial_name,"
                  + " r.trial_name) || CASE WHEN l.trial_name IS NULL THEN ' only in "
                  + escape(right)
                  + "' ELSE ' only in "
                  + escape(left)
                  + "' END FROM l FULL OUTER JOIN r ON l.participant = r.participant AND"
                  + " l.trial_name = r.trial_name WHERE l.trial_name IS NULL OR r.trial_name IS"
                  + " NULL ORDER BY 1 LIMIT "
                  + SHOWN));
      problems.addAll(
          rows(
              duck,
              "SELECT l.participant || '/' || l.trial_name || ': sequence_length '"
                  + " || l.sequence_length || ' vs ' || r.sequence_length || ', mass_kg '"
                  + " || l.mass_kg || ' vs ' || r.mass_kg FROM l JOIN r USING (participant,"
                  + " trial_name) WHERE l.sequence_length <> r.sequence_length OR abs(l.mass_kg -"
                  + " r.mass_kg) > 1e-9 ORDER BY 1 LIMIT "
                  + SHOWN));
      double largest = largestDifference(duck);
      if (largest > TOLERANCE) {
        problems.addAll(valueProblems(duck));
      }
      return new Comparison(
          count(duck, "SELECT count(*) FROM l"),
          count(duck, "SELECT count(*) FROM r"),
          count(duck, "SELECT coalesce(sum(sequence_length), 0) FROM l"),
          count(duck, "SELECT coalesce(sum(sequence_length), 0) FROM r"),
          count(
              duck,
              "SELECT count(*) FROM l JOIN r USING (participant, trial_name) WHERE " + identical()),
          largest,
          problems);
    }
  }

  /** Throws, with the first problems listed, when the outputs differ. */
  static void requireSame(Comparison comparison, Path left, Path right) {
    if (!comparison.same()) {
      throw new IllegalStateException(
          "Cannot compare the contenders: "
              + left
              + " and "
              + right
              + " hold different datasets:\n  "
              + String.join("\n  ", comparison.problems()));
    }
  }

  private static void load(Connection duck, String table, Path folder) throws SQLException {
    execute(
        duck,
        "CREATE TABLE "
            + table
            + " AS SELECT participant, trial_name, mass_kg, sequence_length,"
            + " len(imu_features) AS imu_rows, len(angle_features) AS angle_rows,"
            + " len(moment_targets) AS moment_rows, flatten(imu_features) AS imu,"
            + " flatten(angle_features) AS angle, flatten(moment_targets) AS moment FROM"
            + " read_parquet("
            + DuckDbPeerSql.literal(folder.toAbsolutePath() + "/**/*.parquet")
            + ", hive_partitioning = false)");
  }

  /** Arrays whose row count is not sequence_length, or whose width is not 24, 4 and 4. */
  private static List<String> shapeProblems(Connection duck, String table, Path folder)
      throws SQLException {
    return rows(
        duck,
        "SELECT participant || '/' || trial_name || ' in "
            + escape(folder)
            + ": arrays do not have sequence_length rows of 24, 4 and 4 values' FROM "
            + table
            + " WHERE imu_rows <> sequence_length OR angle_rows <> sequence_length OR moment_rows"
            + " <> sequence_length OR len(imu) <> 24 * sequence_length OR len(angle) <> 4 *"
            + " sequence_length OR len(moment) <> 4 * sequence_length ORDER BY 1 LIMIT "
            + SHOWN);
  }

  private static String identical() {
    return "l.imu = r.imu AND l.angle = r.angle AND l.moment = r.moment";
  }

  /** Per joined trial: the largest relative difference of any value, NaN against NaN being 0. */
  private static String difference() {
    List<String> parts = new ArrayList<>();
    for (String array : ARRAYS) {
      parts.add(
          "coalesce(list_max(list_transform(l.%1$s, lambda x, i: CASE WHEN isnan(x) AND"
                  .formatted(array)
              + " isnan(r.%1$s[i]) THEN 0 WHEN isnan(x) OR isnan(r.%1$s[i]) THEN 'inf'::DOUBLE"
                  .formatted(array)
              + " ELSE abs(x - r.%1$s[i]) / greatest(1, abs(x)) END)), 0)".formatted(array));
    }
    return "greatest(" + String.join(", ", parts) + ")";
  }

  /** Trials of equal shape that are not identical. */
  private static String differing() {
    return " FROM l JOIN r USING (participant, trial_name) WHERE len(l.imu) = len(r.imu) AND"
        + " len(l.angle) = len(r.angle) AND len(l.moment) = len(r.moment) AND NOT ("
        + identical()
        + ")";
  }

  /** The largest relative difference of any value in a trial that is not identical; 0 if none. */
  private static double largestDifference(Connection duck) throws SQLException {
    try (Statement statement = duck.createStatement();
        ResultSet result =
            statement.executeQuery("SELECT coalesce(max(" + difference() + "), 0)" + differing())) {
      result.next();
      return result.getDouble(1);
    }
  }

  private static List<String> valueProblems(Connection duck) throws SQLException {
    return rows(
        duck,
        "SELECT participant || '/' || trial_name || ': values differ by up to ' || "
            + difference()
            + " || ' (relative), beyond "
            + String.format(Locale.ROOT, "%.0e", TOLERANCE)
            + "'"
            + differing()
            + " AND "
            + difference()
            + " > "
            + TOLERANCE
            + " ORDER BY 1 LIMIT "
            + SHOWN);
  }

  private static List<String> rows(Connection duck, String query) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = duck.createStatement();
        ResultSet result = statement.executeQuery(query)) {
      while (result.next()) {
        rows.add(result.getString(1));
      }
    }
    return rows;
  }

  private static long count(Connection duck, String query) throws SQLException {
    try (Statement statement = duck.createStatement();
        ResultSet result = statement.executeQuery(query)) {
      result.next();
      return result.getLong(1);
    }
  }

  private static void execute(Connection duck, String sql) throws SQLException {
    try (Statement statement = duck.createStatement()) {
      statement.execute(sql);
    }
  }

  private static String escape(Path folder) {
    return folder.toString().replace("'", "''");
  }
}
