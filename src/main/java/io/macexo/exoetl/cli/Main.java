package io.macexo.exoetl.cli;

import io.macexo.exoetl.config.ConfigException;
import io.macexo.exoetl.model.ExoEtlException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Entry point of bin/exo-etl and of {@code spark-submit --class io.macexo.exoetl.cli.Main}.
 * Dispatches to one {@link Command} per subcommand. A user mistake prints one line and exits 2; any
 * other failure prints one line and exits 1; stack traces only with {@code --verbose}.
 */
public final class Main {
  private static final String USAGE_HEAD =
      "usage: exo-etl [--verbose] <command> [flags]   (exo-etl <command> --help for flags and examples)";

  private Main() {}

  /** The known subcommands, by name. */
  static Map<String, Command> commands() {
    return byName(Commands.all());
  }

  private static Map<String, Command> byName(List<Command> list) {
    Map<String, Command> commands = new TreeMap<>();
    for (Command command : list) {
      commands.put(command.name(), command);
    }
    return commands;
  }

  public static void main(String[] argv) {
    int code = run(Arrays.asList(argv), System.out, System.err);
    System.out.flush();
    System.exit(code);
  }

  /** Runs a command line and returns the exit code; never calls System.exit (tests use this). */
  public static int run(List<String> argv, PrintStream out, PrintStream err) {
    return run(argv, out, err, Commands.all());
  }

  /**
   * The same with given command instances (tests inject an environment into a command this way).
   */
  static int run(List<String> argv, PrintStream out, PrintStream err, List<Command> available) {
    Map<String, Command> commands = byName(available);
    List<String> words = new ArrayList<>(argv);
    boolean verbose = words.remove("--verbose") | words.remove("-v");
    if (words.isEmpty()
        || words.get(0).equals("--help")
        || words.get(0).equals("-h")
        || words.get(0).equals("help")) {
      printCommandList(out, commands);
      return words.isEmpty() ? ExitCode.USAGE : ExitCode.DONE;
    }
    String name = words.remove(0);
    Command command = commands.get(name);
    if (command == null) {
      err.println("exo-etl: unknown command '" + name + "'");
      printCommandList(err, commands);
      return ExitCode.USAGE;
    }
    if (words.contains("--help") || words.contains("-h")) {
      out.println(command.usage());
      return ExitCode.DONE;
    }
    try {
      return command.run(words, out);
    } catch (UsageException | ConfigException e) {
      err.println("exo-etl " + name + ": " + e.getMessage());
      if (verbose) {
        e.printStackTrace(err);
      }
      return ExitCode.USAGE;
    } catch (ExoEtlException e) {
      // Already one line for people ("Cannot ...", naming the file, repo or lock): print it as is.
      err.println("exo-etl " + name + ": " + e.getMessage());
      if (verbose) {
        e.printStackTrace(err);
      }
      return ExitCode.FAILED;
    } catch (Exception | Error e) {
      err.println("exo-etl " + name + ": failed: " + ErrorMessages.describe(e));
      if (verbose) {
        e.printStackTrace(err);
      } else {
        err.println("(run again with --verbose for the stack trace)");
      }
      return ExitCode.FAILED;
    }
  }

  private static void printCommandList(PrintStream out, Map<String, Command> commands) {
    out.println(USAGE_HEAD);
    out.println();
    out.println("commands:");
    for (Command command : commands.values()) {
      out.printf("  %-10s %s%n", command.name(), command.summary());
    }
  }
}
