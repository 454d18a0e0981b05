package io.macexo.exoetl.cli;

import java.io.PrintStream;

/** One subcommand of bin/exo-etl. Each has its own class, its own flags and usage examples. */
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
