package io.macexo.exoetl.cli;

import io.macexo.exoetl.config.ConfigLoader;
import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.config.NanPolicy;
import io.macexo.exoetl.model.PrepareResult;
import io.macexo.exoetl.pipeline.PrepareJob;
import io.macexo.exoetl.pipeline.PrepareOptions;
import io.macexo.exoetl.pipeline.SparkSessions;
import io.macexo.exoetl.progress.ProgressReporter;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.SparkSession;

/** {@code exo-etl prepare}: the ETL itself, from a Phase1 CSV tree to the Parquet dataset. */
final class PrepareCommand implements Command {
  static final Set<String> VALUE_FLAGS =
      Set.of("--input", "--output", "--conf", "--participants", "--nan-policy");

  @Override
  public String name() {
    return "prepare";
  }

  @Override
  public String summary() {
    return "turn a Phase1 CSV tree into the per-trial Parquet dataset";
  }

  @Override
  public String usage() {
    return """
        usage: exo-etl prepare --input URI --output URI [--conf FILE] [--participants P1,P2] [--nan-policy keep|reject]
                       [--full] [--verify-content]

        Reads every trial's exo, angle_filt and moment_filt_bio CSV files, validates them, and writes
        <output>/data/<participant>/ (Parquet), <output>/trials/, <output>/rejects/, <output>/metadata.json,
        <output>/README.md (dataset card) and <output>/_SUCCESS (last).

          --input URI          the Phase1 'Parsed' folder: a path, file:, hdfs: or s3a: URI
          --output URI         the output folder (created if needed; participant folders are replaced whole)
          --conf FILE          a HOCON file overriding reference.conf (see conf/local.conf)
          --participants LIST  only these participant folders, comma-separated (others are left untouched)
          --nan-policy POLICY  keep (default): NaN stays in the arrays; reject: trials with NaN are rejected
          --full               re-process every participant (default: only new and changed ones)
          --verify-content     detect changed inputs by content hash too (reads every input byte)

        Runs are incremental: manifest.json records what each participant was built from; unchanged
        participants are left byte for byte, vanished ones are removed. Exit codes: 0 done, 3 nothing
        to do (the output already matches the input), 1 failed, 2 bad arguments or configuration.

        examples:
          bin/exo-etl prepare --input /data/Phase1And2_Parsed/Parsed --output /data/exo-phase1
          bin/exo-etl prepare --input s3a://lab/Parsed --output s3a://lab/exo-phase1 --conf conf/cluster.conf
          bin/exo-etl prepare --input target/demo/Parsed --output /tmp/out --participants BT01,BT02 --nan-policy reject
          bin/exo-etl prepare --input /data/Parsed --output /data/exo-phase1 --full
        """;
  }

  @Override
  public int run(List<String> words, PrintStream out) throws Exception {
    Args args = Args.parse(words, VALUE_FLAGS, Set.of("--full", "--verify-content"));
    String input = args.required("--input");
    String output = args.required("--output");
    EtlConfig config = loadConfig(args);
    PrepareOptions options =
        new PrepareOptions(
            input,
            output,
            args.listValue("--participants"),
            config,
            args.has("--full"),
            args.has("--verify-content"));
    // Progress goes to stderr, so stdout carries only the summary (scripts parse it).
    PrepareResult result = runPrepare(options, System.err);
    RunSummary.print(result, out);
    return result.nothingToDo() ? ExitCode.NOTHING_TO_DO : ExitCode.DONE;
  }

  static EtlConfig loadConfig(Args args) {
    EtlConfig config = ConfigLoader.load(args.value("--conf").map(Path::of).orElse(null), Map.of());
    if (args.value("--nan-policy").isPresent()) {
      config =
          config.withNanPolicy(NanPolicy.parse(args.value("--nan-policy").get(), "--nan-policy"));
    }
    return config;
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
