package io.macexo.exoetl.cli;

import io.macexo.exoetl.synth.SynthGenerator;
import io.macexo.exoetl.synth.SynthOptions;
import io.macexo.exoetl.synth.SynthResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code exo-etl synth}: writes a synthetic Phase1 tree to a local folder, for demos, tests and
 * benchmarks without the 42 GB release. Flags map one to one onto {@link SynthOptions}.
 */
public final class SynthCommand implements Command {
  private static final String OUTPUT = "--output";
  private static final String PARTICIPANTS = "--participants";
  private static final String TRIALS = "--trials";
  private static final String SCALE = "--scale";
  private static final String SEED = "--seed";
  private static final String DEFECTS = "--defects";

  private static final double BYTES_PER_MEGABYTE = 1_000_000.0;
  private static final double NANOSECONDS_PER_SECOND = 1e9;

  @Override
  public String name() {
    return "synth";
  }

  @Override
  public String summary() {
    return "write a synthetic Phase1 CSV tree (with --defects: one broken trial per reason code)";
  }

  @Override
  public String usage() {
    return String.join(
        "\n",
        "usage: exo-etl synth --output DIR [--participants BT01,BT02] [--trials N] [--scale F] [--seed S] [--defects]",
        "",
        "Writes DIR/LICENSE, DIR/.DS_Store and DIR/<participant>/<trial>/<participant>_<trial>_<kind>.csv,",
        "15 files per trial, shaped like the Phase1 release (see PHASE1.md). DIR must be absent or empty.",
        "",
        "flags:",
        "  --output DIR           folder to create (required)",
        "  --participants LIST    comma-separated Phase1 participants (default: all 15, BT01..BT17 without BT04, BT05)",
        "  --trials N             good trials per participant, 1.."
            + SynthOptions.MAXIMUM_TRIALS_PER_PARTICIPANT
            + " (default "
            + SynthOptions.DEFAULT_TRIALS_PER_PARTICIPANT
            + ")",
        "  --scale F              factor on the real trial lengths, above 0 up to "
            + SynthOptions.MAXIMUM_SCALE
            + " (default "
            + SynthOptions.DEFAULT_SCALE
            + "); at least "
            + SynthOptions.MINIMUM_ROWS
            + " rows",
        "  --seed S               the same seed writes the same bytes (default "
            + SynthOptions.DEFAULT_SEED
            + ")",
        "  --defects              add to the first participant one broken trial per reason code, and BT99",
        "",
        "examples:",
        "  exo-etl synth --output /tmp/parsed",
        "  exo-etl synth --output /tmp/small --participants BT01,BT02 --trials 3 --scale 0.02 --defects",
        "  exo-etl synth --output /data/bench --trials 100 --scale 1 --seed 7");
  }

  @Override
  public int run(List<String> words, PrintStream out) throws Exception {
    SynthOptions options = parse(words);
    long started = System.nanoTime();
    SynthResult result = SynthGenerator.generate(options);
    double seconds = (System.nanoTime() - started) / NANOSECONDS_PER_SECOND;
    printSummary(result, seconds, out);
    return ExitCode.DONE;
  }

  /** The options of a command line; a bad value is a {@link UsageException} naming its flag. */
  static SynthOptions parse(List<String> words) {
    Args args =
        Args.parse(words, Set.of(OUTPUT, PARTICIPANTS, TRIALS, SCALE, SEED), Set.of(DEFECTS));
    Path output = Path.of(args.required(OUTPUT));
    List<String> participants = args.listValue(PARTICIPANTS);
    for (String participant : participants) {
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
    int trials =
        args.intValue(
            TRIALS,
            SynthOptions.DEFAULT_TRIALS_PER_PARTICIPANT,
            1,
            SynthOptions.MAXIMUM_TRIALS_PER_PARTICIPANT);
    double scale =
        args.doubleValue(SCALE, SynthOptions.DEFAULT_SCALE, 0, SynthOptions.MAXIMUM_SCALE);
    if (scale == 0) {
      throw new UsageException(SCALE + " must be greater than 0");
    }
    long seed = args.longValue(SEED, SynthOptions.DEFAULT_SEED);
    try {
      return new SynthOptions(
          output,
          participants.isEmpty() ? SynthOptions.PHASE1_PARTICIPANTS : participants,
          trials,
          scale,
          seed,
          args.has(DEFECTS));
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
