package io.macexo.exoetl.bench;

import io.macexo.exoetl.model.Selection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The DuckDB peer of prepare: the same dataset (one row per trial, float lists in time order,
 * Parquet partitioned by participant) from the same files, with DuckDB's own CSV reader, join,
 * aggregation and Parquet writer, on an in-memory database through JDBC. It does no validation: it
 * is timed only on a corpus without defect trials, where prepare rejects nothing.
 *
 * <p>Runs in whatever JVM calls it; the bench runs it in a child JVM ({@link ContenderMain}) so
 * that its memory can be measured. {@code threads} is DuckDB's {@code SET threads}; spills go to
 * {@code temporary}.
 */
public final class DuckDbPeer {
  private DuckDbPeer() {}

  /** What the peer did: trials written, distinct headers read, and its own wall time. */
  public record Result(long trials, int readCsvCalls, double seconds) {}

  /**
   * How the peer runs.
   *
   * @param features the selected columns, from the job's configuration
   * @param samplingRateHz the rate of the join key {@code round(time * rate)}
   * @param threads DuckDB worker threads: the cores prepare uses
   * @param temporary DuckDB's spill folder
   */
  public record Settings(Selection features, int samplingRateHz, int threads, Path temporary) {}

  /** Writes {@code output} (which must not exist) from the manifest's trials. */
  public static Result run(TrialManifest manifest, Path output, Settings settings)
      throws IOException, SQLException {
    if (Files.exists(output)) {
      throw new IOException("Cannot write the DuckDB output to " + output + ": it exists");
    }
    long started = System.nanoTime();
    List<HeaderGroups> kinds = new ArrayList<>();
    int readCsvCalls = 0;
    for (FileKind kind : FileKind.values()) {
      HeaderGroups groups = HeaderGroups.of(manifest, kind);
      kinds.add(groups);
      readCsvCalls += groups.groups().size();
    }
    String copy =
        DuckDbPeerSql.copyStatement(kinds, settings.features(), settings.samplingRateHz(), output);
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET threads = " + settings.threads());
        statement.execute(
            "SET temp_directory = "
                + DuckDbPeerSql.literal(settings.temporary().toAbsolutePath().toString()));
        // Row order across trials does not matter (each row is a whole trial); without this
        // setting DuckDB keeps insertion order, costing memory and parallelism in the COPY.
        statement.execute("SET preserve_insertion_order = false");
      }
      loadTrials(connection, manifest);
      long trials;
      try (Statement statement = connection.createStatement()) {
        trials = statement.executeUpdate(copy);
      }
      return new Result(trials, readCsvCalls, (System.nanoTime() - started) / 1e9);
    }
  }

  /** The trial and file tables the statement joins to: a few rows per trial. */
  private static void loadTrials(Connection connection, TrialManifest manifest)
      throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE "
              + DuckDbPeerSql.TRIALS_TABLE
              + " (trial_id INTEGER, participant VARCHAR, trial_name VARCHAR, mass_kg DOUBLE)");
      statement.execute(
          "CREATE TABLE " + DuckDbPeerSql.FILES_TABLE + " (file VARCHAR, trial_id INTEGER)");
    }
    try (PreparedStatement trials =
            connection.prepareStatement(
                "INSERT INTO " + DuckDbPeerSql.TRIALS_TABLE + " VALUES (?, ?, ?, ?)");
        PreparedStatement files =
            connection.prepareStatement(
                "INSERT INTO " + DuckDbPeerSql.FILES_TABLE + " VALUES (?, ?)")) {
      int id = 0;
      for (ManifestEntry entry : manifest.entries()) {
        trials.setInt(1, id);
        trials.setString(2, entry.participant());
        trials.setString(3, entry.trial());
        trials.setDouble(4, entry.massKg());
        trials.addBatch();
        for (FileKind kind : FileKind.values()) {
          files.setString(1, entry.file(kind).toString());
          files.setInt(2, id);
          files.addBatch();
        }
        id++;
      }
      trials.executeBatch();
      files.executeBatch();
    }
  }
}
