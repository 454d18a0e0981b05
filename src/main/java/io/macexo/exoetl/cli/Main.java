package io.macexo.exoetl.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.ParseResult;

/**
 * Entry point of bin/exo-etl and of {@code spark-submit --class io.macexo.exoetl.cli.Main}. picocli
 * parses the command line into one {@link Subcommand} per command (see {@link Commands}) and prints
 * the help it generates from their annotations; this class runs the chosen command and turns its
 * outcome into the exit code ({@link ExitCode}, {@link ErrorHandler}): a user mistake is one line
 * and exit 2, any other failure one line and exit 1, stack traces only with {@code --verbose}.
 */
public final class Main {
  private static final int LONGEST_FLAG = 28;

  private Main() {}

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
  static int run(List<String> argv, PrintStream out, PrintStream err, List<?> commands) {
    CommandLine cli = commandLine(commands);
    ErrorHandler errors = new ErrorHandler(err);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.setParameterExceptionHandler(errors);
    cli.setExecutionStrategy(parsed -> execute(parsed, out, errors));
    int code = cli.execute(argv.toArray(String[]::new));
    out.flush();
    err.flush();
    return code;
  }

  /** {@code exo-etl} with the given subcommands, parsing as documented in the README. */
  static CommandLine commandLine(List<?> commands) {
    CommandLine cli = new CommandLine(new ExoEtlCommand());
    for (Object command : commands) {
      cli.addSubcommand(command);
    }
    // exo-etl help [COMMAND], last in the command list.
    cli.addSubcommand(new HelpCommand());
    // Set after the subcommands are added: these setters apply to the commands present.
    // A flag's value is a value even when it looks like a flag: --message --help, --input -v.
    cli.setAllowOptionsAsOptionParameters(true);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    // Plain text: the help is quoted in the docs and read by scripts.
    cli.setColorScheme(Help.defaultColorScheme(Help.Ansi.OFF));
    // Room for the longest flag with its value (--multipart-threshold=BYTES) beside its text.
    cli.setUsageHelpLongOptionsMaxWidth(LONGEST_FLAG);
    return cli;
  }

  /**
   * Prints the help if asked for; else runs the command the line chose, or, if none was named,
   * prints the command list and returns 2.
   */
  private static int execute(ParseResult parsed, PrintStream out, ErrorHandler errors) {
    Integer help = CommandLine.executeHelpRequest(parsed);
    if (help != null) {
      return help;
    }
    List<CommandLine> chain = parsed.asCommandLineList();
    CommandLine chosen = chain.get(chain.size() - 1);
    if (!(chosen.getCommand() instanceof Subcommand command)) {
      chosen.usage(out);
      return ExitCode.USAGE;
    }
    try {
      return command.run(out);
    } catch (Exception | Error e) {
      boolean verbose = ((ExoEtlCommand) chain.get(0).getCommand()).verbose;
      return errors.handleFailure(e, chosen, verbose);
    }
  }
}
