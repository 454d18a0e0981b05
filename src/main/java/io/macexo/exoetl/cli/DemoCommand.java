package io.macexo.exoetl.cli;

import io.macexo.exoetl.config.ConfigLoader;
import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.model.PrepareResult;
import io.macexo.exoetl.pipeline.PrepareOptions;
import io.macexo.exoetl.synth.SynthGenerator;
import io.macexo.exoetl.synth.SynthOptions;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code exo-etl demo}: makes a small Phase1-like sample with one broken trial per reason code
 * (once, under target/demo/), runs prepare on it and says how to load the result.
 */
@Command(
    name = "demo",
    description = {
      "Synthesize a small sample with defects, prepare it, and show how to load the result.",
      "",
      "Writes a small Phase1-like tree (participants "
          + DemoCommand.SAMPLE_PARTICIPANTS
          + ", 6 trials each, plus one broken"
          + " trial per reason code) to DIR/Parsed unless it is already there, runs prepare into"
          + " DIR/output, and prints what was written and rejected and how to load the dataset."
    },
    footer = {"  bin/exo-etl demo", "  bin/exo-etl demo --dir /tmp/exo-demo"})
final class DemoCommand implements Subcommand {
  static final String SAMPLE_PARTICIPANTS = "BT01, BT02, BT13";
  static final List<String> PARTICIPANTS = List.of(SAMPLE_PARTICIPANTS.split(", "));
  private static final String MARKER = ".synth-complete";

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "where the sample and the output go (default: ${DEFAULT-VALUE})")
  Path folder = Path.of("target/demo");

  @Mixin HelpOption help;

  @Override
  public int run(PrintStream out) throws Exception {
    Path dir = folder.toAbsolutePath().normalize();
    Path input = dir.resolve("Parsed");
    Path output = dir.resolve("output");
    if (!Files.exists(dir.resolve(MARKER))) {
      out.println("synthesizing a sample Phase1 tree under " + input + " ...");
      Files.createDirectories(dir);
      SynthGenerator.generate(new SynthOptions(input, PARTICIPANTS, 6, 0.2, 42L, true));
      Files.writeString(dir.resolve(MARKER), "done\n");
    } else {
      out.println("reusing the sample under " + input);
    }
    EtlConfig config = ConfigLoader.defaults();
    out.println("running prepare ...");
    PrepareResult result =
        PrepareCommand.runPrepare(
            new PrepareOptions(
                // Plain paths: toUri() would percent-encode a space, which a root takes literally.
                input.toString(), output.toString(), List.of(), config),
            out);
    out.println();
    RunSummary.print(result, out);
    out.println();
    printHowToLoad(output, out);
    return ExitCode.DONE;
  }

  private static void printHowToLoad(Path output, PrintStream out) {
    String data = output.resolve("data").toString();
    out.println("rejected trials, with reasons: " + output.resolve("rejects/rejects.json"));
    out.println("dataset card:                  " + output.resolve("README.md"));
    out.println("run report (open in a browser): " + output.resolve("report.html"));
    out.println();
    out.println("load it:");
    // The folders are Hive-style and the files carry participant too: pyarrow must not add it
    // twice.
    out.println("  pandas:   pd.read_parquet(\"" + data + "\", partitioning=None)");
    out.println(
        "  datasets: load_dataset(\"parquet\", data_files=\""
            + data
            + "/**/*.parquet\", split=\"train\")");
    out.println("  DuckDB:   SELECT * FROM read_parquet('" + data + "/**/*.parquet')");
    out.println("  Spark:    spark.read.parquet(\"" + data + "\")");
  }
}
