package io.macexo.exoetl.cli;

import io.macexo.exoetl.config.ConfigException;
import io.macexo.exoetl.model.ExoEtlException;
import java.io.PrintStream;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns what went wrong into lines on stderr and an exit code. A user's mistake (a flag picocli
 * rejects, a {@link UsageException}, a {@link ConfigException}) is one line and exit 2; a failure
 * is one line and exit 1. Every line starts with the command, {@code exo-etl prepare: ...}. Stack
 * traces only with {@code --verbose}.
 */
final class ErrorHandler implements IParameterExceptionHandler {
  private final PrintStream err;

  ErrorHandler(PrintStream err) {
    this.err = err;
  }

  /** A command line picocli could not parse: one line naming the flag (and the command list). */
  @Override
  public int handleParseException(ParameterException parsing, String[] args) {
    ParameterException e = typoFirst(parsing);
    CommandLine command = e.getCommandLine();
    if (isUnknownCommand(e)) {
      UnmatchedArgumentException unmatched = (UnmatchedArgumentException) e;
      String name = unmatched.getUnmatched().get(0);
      List<String> similar = unmatched.getSuggestions();
      err.println(
          "exo-etl: unknown command '"
              + name
              + "'"
              + (similar.isEmpty() ? "" : " (did you mean " + similar.get(0) + "?)"));
      err.println();
      command.usage(err);
      return ExitCode.USAGE;
    }
    err.println(prefix(command) + describe(e));
    return ExitCode.USAGE;
  }

  /**
   * A command that failed while running: its message for the user's mistakes and for {@link
   * ExoEtlException} (already one line for people), the innermost cause otherwise.
   */
  int handleFailure(Throwable e, CommandLine command, boolean verbose) {
    String prefix = prefix(command);
    if (e instanceof UsageException || e instanceof ConfigException) {
      err.println(prefix + e.getMessage());
      printStackTraceIf(verbose, e);
      return ExitCode.USAGE;
    }
    if (e instanceof ExoEtlException) {
      // "Cannot ...", naming the file, repo or lock: printed as is.
      err.println(prefix + e.getMessage());
      printStackTraceIf(verbose, e);
      return ExitCode.FAILED;
    }
    err.println(prefix + "failed: " + ErrorMessages.describe(e));
    if (verbose) {
      e.printStackTrace(err);
    } else {
      err.println("(run again with --verbose for the stack trace)");
    }
    return ExitCode.FAILED;
  }

  private void printStackTraceIf(boolean verbose, Throwable e) {
    if (verbose) {
      e.printStackTrace(err);
    }
  }

  /**
   * picocli checks for missing required flags before it reports words it did not know, but in
   * {@code --input x --outptu y} (or {@code exo-etl --bogus prepare}) the unknown word is the
   * mistake: reported first, for the outermost command that has one.
   */
  private static ParameterException typoFirst(ParameterException e) {
    if (!(e instanceof MissingParameterException)) {
      return e;
    }
    ParameterException first = e;
    for (CommandLine command = e.getCommandLine(); command != null; command = command.getParent()) {
      List<String> unmatched = command.getUnmatchedArguments();
      if (!unmatched.isEmpty()) {
        first = new UnmatchedArgumentException(command, unmatched);
      }
    }
    return first;
  }

  /** {@code exo-etl: } or {@code exo-etl prepare: }. */
  private static String prefix(CommandLine command) {
    return command.getCommandSpec().qualifiedName() + ": ";
  }

  /** A word that is not a command, where a command name belongs (not a flag). */
  private static boolean isUnknownCommand(ParameterException e) {
    return e instanceof UnmatchedArgumentException unmatched
        && e.getCommandLine().getParent() == null
        && !unmatched.getUnmatched().isEmpty()
        && !unmatched.getUnmatched().get(0).startsWith("-");
  }

  /**
   * picocli's message, except for an unknown flag or stray word: that word alone (picocli would
   * list every word after it too), with the flags it resembles or where to look.
   */
  private static String describe(ParameterException e) {
    if (!(e instanceof UnmatchedArgumentException unmatched)
        || unmatched.getUnmatched().isEmpty()) {
      return e.getMessage();
    }
    String word = unmatched.getUnmatched().get(0);
    String what = (word.startsWith("-") ? "Unknown option: '" : "Unexpected argument: '") + word;
    List<String> similar = unmatched.getSuggestions();
    return what
        + "'"
        + (similar.isEmpty()
            ? " (see " + e.getCommandLine().getCommandSpec().qualifiedName() + " --help)"
            : " (did you mean " + String.join(" or ", similar) + "?)");
  }
}
