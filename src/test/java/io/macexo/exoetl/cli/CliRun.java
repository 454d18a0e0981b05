package io.macexo.exoetl.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A command line run in this JVM through {@link Main}, as bin/exo-etl runs it: its exit code and
 * what it printed to stdout and stderr.
 */
record CliRun(int code, String out, String err) {
  /** Runs the command line with the product's commands. */
  static CliRun of(String... argv) {
    return with(Commands.all(), argv);
  }

  /** Runs the command line with the given command instances (an injected environment, say). */
  static CliRun with(List<?> commands, String... argv) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            new ArrayList<>(List.of(argv)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            commands);
    return new CliRun(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /**
   * Parses {@code words} into {@code command} as Main would (global flags included) without running
   * it, and returns the command with its fields filled.
   */
  static <T> T parse(T command, String... words) {
    Main.commandLine(List.of(command)).parseArgs(words);
    return command;
  }
}
