package io.macexo.exoetl.cli;

import io.macexo.exoetl.audit.OutputAudit;
import io.macexo.exoetl.audit.Problem;
import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.pipeline.SparkSessions;
import java.io.PrintStream;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code exo-etl validate}: checks an output (ours or downloaded from the Hub) and lists problems.
 * What it checks is {@link OutputAudit}'s; this class starts Spark, prints the report as a table
 * and turns it into an exit code: 0 when clean, 1 when problems were found. A broken file in the
 * output is a problem line, never a failure of the command; an {@code --output} that is not a
 * folder is a user mistake (one line, exit 2).
 */
@Command(
    name = "validate",
    description = {
      "Check an output: files, schema, array shapes, duplicates, masses, NaN/Inf, metadata, stats.",
      "",
      "Checks every file and row of an output folder (one written by prepare, or a download of the"
          + " Hub dataset) and prints one line when it is clean, or a table of problems and exit"
          + " code 1. Each data file's footer and schema are checked first: a file that is empty,"
          + " cut off, not Parquet or of another schema is one problem line and is left out of the"
          + " other checks, which still run; a metadata.json, stats.json or manifest.json that"
          + " cannot be read or is not JSON is one problem line too. Checks: LAYOUT (data/ holds"
          + " Parquet files), FILE, SCHEMA, PARTITION, WIDTH (24/4/4), LENGTH (= sequence_length),"
          + " DUPLICATE, MASS, NON_FINITE, NAN_POLICY, METADATA, STATS, MANIFEST (files it lists exist). An --output"
          + " that does not exist or is a file is exit code 2. Give --conf the configuration the"
          + " output was made with (feature widths, masses)."
    },
    footer = {
      "  bin/exo-etl validate --output target/demo/output",
      "  bin/exo-etl validate --output s3a://lab/exo-phase1 --conf conf/cluster.conf"
    })
final class ValidateCommand implements Subcommand {
  /** The WHERE column's least width; a longer name (a data file's path) widens it. */
  private static final int WHERE_WIDTH = 45;

  @Option(
      names = "--output",
      required = true,
      paramLabel = "URI",
      description = "the output folder (path, file:, s3a:)")
  String output;

  @Mixin ConfigFileOption conf;

  @Mixin HelpOption help;

  @Override
  public int run(PrintStream out) throws Exception {
    EtlConfig config = conf.load(null);
    SparkSession spark = SparkSessions.start(config);
    try {
      OutputAudit.Report report = new OutputAudit(spark, config).run(output);
      return print(report, output, out);
    } finally {
      spark.stop();
    }
  }

  static int print(OutputAudit.Report report, String output, PrintStream out) {
    report.notes().forEach(note -> out.println("note: " + note));
    if (report.problems().isEmpty()) {
      out.printf(
          "%s is valid: %d trials of %d participants, every check passed%n",
          output, report.rows(), report.participants());
      return ExitCode.DONE;
    }
    int width = WHERE_WIDTH;
    for (Problem problem : report.problems()) {
      width = Math.max(width, problem.where().length());
    }
    String row = "%-11s %-" + width + "s %s%n";
    out.printf(row, "CHECK", "WHERE", "PROBLEM");
    for (Problem problem : report.problems()) {
      out.printf(row, problem.check(), problem.where(), problem.what());
    }
    out.printf("%d problem(s) in %s%n", report.problems().size(), output);
    return ExitCode.FAILED;
  }
}
