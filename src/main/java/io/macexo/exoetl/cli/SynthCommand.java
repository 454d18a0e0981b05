package io.macexo.exoetl.cli;

import io.macexo.exoetl.synth.SynthGenerator;
import io.macexo.exoetl.synth.SynthOptions;
import io.macexo.exoetl.synth.SynthResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code exo-etl synth}: writes a synthetic Phase1 tree to a local folder, for demos, tests and
 * benchmarks without the 42 GB release. Flags map one to one onto {@link SynthOptions}.
 */
@Command(
    name = "synth",
    description = {
      "Write a synthetic Phase1 CSV tree (with --defects: one broken trial per reason code).",
      "",
      "Writes DIR/LICENSE, DIR/.DS_Store and DIR/<participant>/<trial>/<participant>_<trial>_<kind>.csv,"
          + " 15 files per trial, shaped like the Phase1 release (see PHASE1.md). DIR must be absent or"
          + " empty."
    },
    footer = {
      "  exo-etl synth --output /tmp/parsed",
      "  exo-etl synth --output /tmp/small --participants BT01,BT02 --trials 3 --scale 0.02 --defects",
      "  exo-etl synth --output /data/bench --trials 100 --scale 1 --seed 7"
    })
public final class SynthCommand implements Subcommand {
  private static final String PARTICIPANTS = "--participants";
  private static final double BYTES_PER_MEGABYTE = 1_000_000.0;
  private static final double NANOSECONDS_PER_SECOND = 1e9;

  @Option(names = "--output", required = true, paramLabel = "DIR", description = "folder to create")
  Path output;

  @Option(
      names = PARTICIPANTS,
      split = ",",
      paramLabel = "BT01,BT02",
      hideParamSyntax = true,
      description =
          "comma-separated Phase1 participants (default: all 15, BT01..BT17 without BT04, BT05)")
  List<String> participants;

  @Option(
      names = "--trials",
      paramLabel = "N",
      description =
          "good trials per participant, 1.."
              + SynthOptions.MAXIMUM_TRIALS_PER_PARTICIPANT
              + " (default ${DEFAULT-VALUE})")
  int trials = SynthOptions.DEFAULT_TRIALS_PER_PARTICIPANT;

  @Option(
      names = "--scale",
      paramLabel = "F",
      description =
          "factor on the real trial lengths, above 0 up to "
              + SynthOptions.MAXIMUM_SCALE
              + " (default ${DEFAULT-VALUE}); at least "
              + SynthOptions.MINIMUM_ROWS
              + " rows")
  double scale = SynthOptions.DEFAULT_SCALE;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "the same seed writes the same bytes (default ${DEFAULT-VALUE})")
  long seed = SynthOptions.DEFAULT_SEED;

  @Option(
      names = "--defects",
      description = "add to the first participant one broken trial per reason code, and BT99")
  boolean defects;

  @Mixin HelpOption help;

  @Override
  public int run(PrintStream out) throws Exception {
    SynthOptions options = options();
    long started = System.nanoTime();
    SynthResult result = SynthGenerator.generate(options);
    double seconds = (System.nanoTime() - started) / NANOSECONDS_PER_SECOND;
    printSummary(result, seconds, out);
    return ExitCode.DONE;
  }

  /** The parsed flags as {@link SynthOptions}; a bad value is a usage error naming its flag. */
  SynthOptions options() {
    List<String> chosen = FlagChecks.items(PARTICIPANTS, participants);
    for (String participant : chosen) {
      if (!SynthOptions.PHASE1_PARTICIPANTS.contains(participant)) {
        throw new UsageException(
            PARTICIPANTS
                + ": '"
                + participant
                + "' is not a Phase1 participant (known: "
                + String.join(",", SynthOptions.PHASE1_PARTICIPANTS)
                + ")");
      }
    }
    FlagChecks.between("--trials", trials, 1, SynthOptions.MAXIMUM_TRIALS_PER_PARTICIPANT);
    if (FlagChecks.between("--scale", scale, 0, SynthOptions.MAXIMUM_SCALE) == 0) {
      throw new UsageException("--scale must be greater than 0");
    }
    try {
      return new SynthOptions(
          output,
          chosen.isEmpty() ? SynthOptions.PHASE1_PARTICIPANTS : chosen,
          trials,
          scale,
          seed,
          defects);
    } catch (IllegalArgumentException e) {
      // Only a duplicate participant gets here: every other value was checked above against its
      // flag.
      throw new UsageException(PARTICIPANTS + ": " + e.getMessage());
    }
  }

  private static void printSummary(SynthResult result, double seconds, PrintStream out) {
    double megabytes = result.bytes() / BYTES_PER_MEGABYTE;
    out.printf(Locale.ROOT, "participants  %d%n", result.participants());
    out.printf(
        Locale.ROOT,
        "trials        %d (%d built to be rejected)%n",
        result.trials(),
        result.intendedRejects().size());
    out.printf(Locale.ROOT, "files         %d%n", result.files());
    out.printf(
        Locale.ROOT,
        "bytes         %d (%.1f MB) in %.1f s, %.0f MB/s%n",
        result.bytes(),
        megabytes,
        seconds,
        megabytes / Math.max(seconds, 1e-9));
    out.printf(Locale.ROOT, "where         %s%n", result.root().toAbsolutePath());
    result
        .intendedRejects()
        .forEach((trial, code) -> out.printf(Locale.ROOT, "  reject  %-48s %s%n", trial, code));
  }
}
