package io.macexo.exoetl.cli;

/** Process exit codes, documented in docs/operations.md for schedulers. */
public final class ExitCode {
  /** The command did its work. */
  public static final int DONE = 0;

  /** The command failed (I/O, Spark, remote errors). */
  public static final int FAILED = 1;

  /** A bad flag, argument or configuration value: nothing was done. */
  public static final int USAGE = 2;

  /** An incremental run found nothing to do: the output already matches the input. */
  public static final int NOTHING_TO_DO = 3;

  private ExitCode() {}
}
