package io.macexo.exoetl.cli;

import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.config.NanPolicy;
import io.macexo.exoetl.model.PrepareResult;
import io.macexo.exoetl.pipeline.PrepareJob;
import io.macexo.exoetl.pipeline.PrepareOptions;
import io.macexo.exoetl.pipeline.SparkSessions;
import io.macexo.exoetl.progress.ProgressReporter;
import java.io.PrintStream;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code exo-etl prepare}: the ETL itself, from a Phase1 CSV tree to the Parquet dataset. */
@Command(
    name = "prepare",
    description = {
      "Turn a Phase1 CSV tree into the per-trial Parquet dataset.",
      "",
      "Reads every trial's exo, angle_filt and moment_filt_bio CSV files, validates them, and writes"
          + " <output>/data/subject=<participant>/ (Parquet), <output>/trials/, <output>/rejects/,"
          + " <output>/metadata.json, <output>/README.md (dataset card) and <output>/_SUCCESS (last).",
      "",
      "Runs are incremental: manifest.json records what each participant was built from; unchanged"
          + " participants are left byte for byte; participants gone from the input are kept unless"
          + " --prune is given. An input with no participant folder, or an output folder holding files"
          + " that are not an exo-etl output, stops the run at once. Exit codes: 0 done, 3"
          + " nothing to do (the output already matches the input), 1 failed, 2 bad arguments or"
          + " configuration."
    },
    footer = {
      "  bin/exo-etl prepare --input /data/Phase1And2_Parsed/Parsed --output /data/exo-phase1",
      "  bin/exo-etl prepare --input s3a://lab/Parsed --output s3a://lab/exo-phase1 --conf"
          + " conf/cluster.conf",
      "  bin/exo-etl prepare --input target/demo/Parsed --output /tmp/out --participants BT01,BT02"
          + " --nan-policy reject",
      "  bin/exo-etl prepare --input /data/Parsed --output /data/exo-phase1 --full",
      "  bin/exo-etl prepare --input /data/Parsed --output /data/exo-phase1 --prune"
    })
final class PrepareCommand implements Subcommand {
  @Option(
      names = "--input",
      required = true,
      paramLabel = "URI",
      description = "the Phase1 'Parsed' folder: a path, file:, hdfs: or s3a: URI")
  String input;

  @Option(
      names = "--output",
      required = true,
      paramLabel = "URI",
      description = "the output folder (created if needed; participant folders are replaced whole)")
  String output;

  @Mixin ConfigFileOption conf;

  @Option(
      names = "--participants",
      split = ",",
      paramLabel = "P1,P2",
      hideParamSyntax = true,
      description = "only these participant folders, comma-separated (others are left untouched)")
  List<String> participants;

  @Option(
      names = "--nan-policy",
      paramLabel = "keep|reject",
      description =
          "keep (default): NaN stays in the arrays; reject: trials with NaN are rejected"
              + " (overrides exo-etl.nan-policy)")
  NanPolicy nanPolicy;

  @Option(
      names = "--full",
      description = "re-process every participant (default: only new and changed ones)")
  boolean full;

  @Option(
      names = "--verify-content",
      description = "detect changed inputs by content hash too (reads every input byte)")
  boolean verifyContent;

  @Option(
      names = "--prune",
      description =
          "remove from the output the participants whose folders are gone from the input"
              + " (default: keep them, and say so)")
  boolean prune;

  @Mixin HelpOption help;

  @Override
  public int run(PrintStream out) throws Exception {
    List<String> only = FlagChecks.items("--participants", participants);
    EtlConfig config = conf.load(nanPolicy);
    PrepareOptions options =
        new PrepareOptions(input, output, only, config, full, verifyContent, prune);
    // Progress goes to stderr, so stdout carries only the summary (scripts parse it).
    PrepareResult result = runPrepare(options, System.err);
    RunSummary.print(result, out);
    return result.nothingToDo() ? ExitCode.NOTHING_TO_DO : ExitCode.DONE;
  }

  static PrepareResult runPrepare(PrepareOptions options, PrintStream out) throws Exception {
    SparkSession spark = SparkSessions.start(options.config());
    try (ProgressReporter progress = ProgressReporter.start(spark.sparkContext(), 0, out)) {
      return new PrepareJob(spark, options, progress).execute();
    } finally {
      spark.stop();
    }
  }
}
