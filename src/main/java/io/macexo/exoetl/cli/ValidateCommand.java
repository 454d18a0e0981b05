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
 */
@Command(
    name = "validate",
    description = {
      "Check an output: schema, array shapes, duplicates, masses, NaN/Inf, metadata, stats, files.",
      "",
      "Checks every row and file of an output folder (one written by prepare, or a download of the Hub"
          + " dataset) and prints one line when it is clean, or a table of problems and exit code 1."
          + " Checks: SCHEMA, PARTITION, WIDTH (24/4/4), LENGTH (= sequence_length), DUPLICATE, MASS,"
          + " NON_FINITE, NAN_POLICY, METADATA, STATS, MANIFEST (files it lists exist). Give --conf the"
          + " configuration the output was made with (feature widths, masses)."
    },
    footer = {
      "  bin/exo-etl validate --output target/demo/output",
      "  bin/exo-etl validate --output s3a://lab/exo-phase1 --conf conf/cluster.conf"
    })
final class ValidateCommand implements Subcommand {
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
    out.printf("%-11s %-45s %s%n", "CHECK", "WHERE", "PROBLEM");
    for (Problem problem : report.problems()) {
      out.printf("%-11s %-45s %s%n", problem.check(), problem.where(), problem.what());
    }
    out.printf("%d problem(s) in %s%n", report.problems().size(), output);
    return ExitCode.FAILED;
  }
}
