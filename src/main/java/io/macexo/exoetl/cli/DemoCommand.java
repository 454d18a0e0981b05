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
import java.util.Set;

/**
 * {@code exo-etl demo}: makes a small Phase1-like sample with one broken trial per reason code
 * (once, under target/demo/), runs prepare on it and says how to load the result.
 */
final class DemoCommand implements Command {
  static final List<String> PARTICIPANTS = List.of("BT01", "BT02", "BT13");
  private static final String MARKER = ".synth-complete";

  @Override
  public String name() {
    return "demo";
  }

  @Override
  public String summary() {
    return "synthesize a small sample with defects, prepare it, and show how to load the result";
  }

  @Override
  public String usage() {
    return """
        usage: exo-etl demo [--dir DIR]

        Writes a small Phase1-like tree (participants %s, 6 trials each, plus one broken trial per
        reason code) to DIR/Parsed unless it is already there, runs prepare into DIR/output, and prints
        what was written and rejected and how to load the dataset.

          --dir DIR   where the sample and the output go (default: target/demo)

        examples:
          bin/exo-etl demo
          bin/exo-etl demo --dir /tmp/exo-demo
        """
        .formatted(String.join(", ", PARTICIPANTS));
  }

  @Override
  public int run(List<String> words, PrintStream out) throws Exception {
    Args args = Args.parse(words, Set.of("--dir"), Set.of());
    Path dir = Path.of(args.value("--dir").orElse("target/demo")).toAbsolutePath().normalize();
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
                input.toUri().toString(), output.toUri().toString(), List.of(), config),
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
