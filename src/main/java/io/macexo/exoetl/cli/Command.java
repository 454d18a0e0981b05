package io.macexo.exoetl.cli;

import java.io.PrintStream;

/**
 * A subcommand that parses its own words with {@link Args} and writes its own usage text: only
 * {@code bench} still is one (run under picocli by {@link LegacyCommand}); every other command is a
 * picocli-annotated {@link Subcommand}. Goes with bench.
 */
public interface Command {
  /** The word on the command line, e.g. {@code prepare}. */
  String name();

  /** One line for the command list. */
  String summary();

  /** Full help: flags and examples. */
  String usage();

  /**
   * Runs the command.
   *
   * @return the process exit code (see {@link ExitCode})
   * @param args the words after the subcommand (parse them with {@link Args})
   * @throws UsageException for a bad flag or value; Main prints one line and exits 2
   */
  int run(java.util.List<String> args, PrintStream out) throws Exception;
}
