package io.macexo.exoetl.bench;

import io.macexo.exoetl.model.Selection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds the DuckDB statement of the peer: the same dataset as prepare in one {@code COPY}. Pure:
 * text in, text out.
 *
 * <p>How a DuckDB user who knows the engine writes it: one {@code read_csv} per distinct header
 * (see {@link HeaderGroups}) with {@code auto_detect=false}, the header's names, DOUBLE for {@code
 * time} and the selected columns and VARCHAR for the rest (projection push-down means those are
 * never converted, and a stray text in an unselected column, which the Phase1 files have, cannot
 * fail the read), no quote or escape handling, and {@code filename=true}. The file name is joined
 * to a small table of trial ids (three rows a trial), so the big joins are on integers: the three
 * files join on (trial id, {@code round(time * rate)}); then one group-by per trial builds the
 * float lists with {@code list(... ORDER BY step)}. Empty fields read as NULL and become NaN, as in
 * prepare. Parquet: zstd, partitioned by participant with the column kept in the files.
 */
final class DuckDbPeerSql {
  /** Table of the trials: trial_id, participant, trial_name, mass_kg. */
  static final String TRIALS_TABLE = "bench_trials";

  /** Table mapping each read file's path ({@code file}) to its {@code trial_id}. */
  static final String FILES_TABLE = "bench_files";

  /**
   * The statement around the per-kind row sources: join on (trial, step), one ordered list per
   * trial and column group, the trial's names and mass, then the partitioned Parquet write.
   * Arguments: the {@code WITH} entries of the three sides, the output folder, the row-group bytes.
   */
  private static final String COPY_TEMPLATE =
      """
      COPY (
      WITH %1$s,
      samples AS (
        SELECT trial_id, step, exo_rows.v AS imu, angle_rows.v AS angle, moment_rows.v AS moment
        FROM exo_rows
        JOIN angle_rows USING (trial_id, step)
        JOIN moment_rows USING (trial_id, step)
      ),
      per_trial AS (
        SELECT trial_id, CAST(count(*) AS INTEGER) AS sequence_length,
          list(imu ORDER BY step) AS imu_features,
          list(angle ORDER BY step) AS angle_features,
          list(moment ORDER BY step) AS moment_targets
        FROM samples
        GROUP BY trial_id
      )
      SELECT t.participant, t.trial_name, t.mass_kg, p.sequence_length,
        p.imu_features, p.angle_features, p.moment_targets
      FROM per_trial p
      JOIN bench_trials t USING (trial_id)
      ) TO %2$s (FORMAT parquet, PARTITION_BY (participant), WRITE_PARTITION_COLUMNS true,
        COMPRESSION zstd, ROW_GROUP_SIZE_BYTES %3$d)
      """;

  /** One header group of one kind: its rows with trial id, step and the selected values. */
  private static final String SIDE_TEMPLATE =
      """
        SELECT f.trial_id, CAST(round(r.%1$s * %2$d) AS BIGINT) AS step, %3$s AS v
        FROM %4$s r
        JOIN bench_files f ON f.file = r.filename\
      """;

  /** Parquet row groups of 32 MiB, as prepare writes them. */
  private static final long ROW_GROUP_BYTES = 32L << 20;

  private DuckDbPeerSql() {}

  /** The {@code COPY ... TO} statement that reads, joins, aggregates and writes everything. */
  static String copyStatement(
      List<HeaderGroups> kinds, Selection features, int samplingRateHz, Path output) {
    List<String> sides = new ArrayList<>();
    for (HeaderGroups groups : kinds) {
      sides.add(
          side(groups.kind()) + " AS (\n" + sideSelects(groups, features, samplingRateHz) + "\n)");
    }
    return COPY_TEMPLATE.formatted(
        String.join(",\n", sides), literal(output.toString()), ROW_GROUP_BYTES);
  }

  /** One SELECT per header group of a kind, joined with UNION ALL. */
  private static String sideSelects(HeaderGroups groups, Selection features, int samplingRateHz) {
    List<String> selects = new ArrayList<>();
    List<String> selected = groups.kind().columns(features);
    for (Map.Entry<List<String>, List<Path>> group : groups.groups().entrySet()) {
      List<String> header = group.getKey();
      List<String> missing = new ArrayList<>();
      for (String column : concat(features.timeColumn(), selected)) {
        if (!header.contains(column)) {
          missing.add(column);
        }
      }
      if (!missing.isEmpty()) {
        throw new IllegalArgumentException(
            "Cannot read "
                + group.getValue().get(0)
                + " with DuckDB: no column "
                + String.join(", ", missing));
      }
      String values =
          selected.stream()
              .map(column -> "CAST(coalesce(r." + identifier(column) + ", 'NaN') AS FLOAT)")
              .collect(Collectors.joining(", ", "[", "]"));
      selects.add(
          SIDE_TEMPLATE.formatted(
              identifier(features.timeColumn()),
              samplingRateHz,
              values,
              readCsv(group.getValue(), header, concat(features.timeColumn(), selected))));
    }
    return String.join("\n  UNION ALL\n", selects);
  }

  /** A read_csv call with every column named and typed: no sniffing, no header checks. */
  static String readCsv(List<Path> files, List<String> header, List<String> numeric) {
    String list =
        files.stream().map(file -> literal(file.toString())).collect(Collectors.joining(", "));
    String columns =
        header.stream()
            .map(
                name ->
                    literal(name) + ": " + literal(numeric.contains(name) ? "DOUBLE" : "VARCHAR"))
            .collect(Collectors.joining(", ", "{", "}"));
    return "read_csv(["
        + list
        + "], auto_detect = false, header = true, delim = ',', quote = '', escape = '',"
        + " columns = "
        + columns
        + ", filename = true)";
  }

  private static String side(FileKind kind) {
    return kind.name().toLowerCase(java.util.Locale.ROOT) + "_rows";
  }

  private static List<String> concat(String first, List<String> rest) {
    List<String> all = new ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all;
  }

  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  static String identifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
