package io.macexo.exoetl.cli;

import java.io.PrintStream;

/**
 * One subcommand of bin/exo-etl, one class each. picocli fills the class's {@code @Option} fields
 * from the command line (types, required flags, defaults and its generated help with examples come
 * from those annotations); then {@link Main} calls {@link #run}. Commands print to the stream they
 * are given, not to System.out, so that tests can read what they print.
 */
interface Subcommand {
  /**
   * Runs the command with the parsed flags.
   *
   * @return the process exit code (see {@link ExitCode})
   * @throws UsageException for a value no annotation can check (a range, an unknown participant);
   *     Main prints one line and exits 2
   */
  int run(PrintStream out) throws Exception;
}
