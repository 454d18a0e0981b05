package io.macexo.exoetl.bench;

/** One implementation the bench times: prepare, the DuckDB peer, the parse floor, pandas. */
interface Contender {
  /** Short name for tables, e.g. {@code duckdb}. */
  String name();

  /** One sentence on what runs and how, for the report. */
  String description();

  /** Runs once and measures it; throws when the run fails, with the log's last lines. */
  RunRecord run(int round) throws Exception;
}
