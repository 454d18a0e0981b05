package io.macexo.exoetl.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Parameters;

/**
 * Runs a {@link Command} that still parses its own words with {@link Args} (only {@code bench},
 * which is leaving the product CLI) as a picocli subcommand: its words reach it unchanged, {@code
 * --verbose} works as everywhere, and its {@code --help} prints its own usage text. Delete this
 * class with the last such command.
 */
final class LegacyCommand implements Subcommand {
  private final Command command;

  /** Everything after the command's name but the global flags, in order. */
  @Parameters(paramLabel = "FLAGS", hidden = true)
  List<String> words = new ArrayList<>();

  @Mixin HelpOption help;

  private LegacyCommand(Command command) {
    this.command = command;
  }

  /** Adds the command to {@code parent} under its own name, with its own summary and usage. */
  static void addTo(CommandLine parent, Command command) {
    CommandLine line = new CommandLine(new LegacyCommand(command));
    parent.addSubcommand(command.name(), line);
    CommandSpec spec = line.getCommandSpec();
    // Unknown flags (all of its own) are words for it, not errors.
    spec.parser().unmatchedOptionsArePositionalParams(true);
    spec.usageMessage()
        .description(command.summary())
        .synopsisHeading("")
        // picocli formats the text: a literal % must be doubled.
        .customSynopsis(command.usage().replace("%", "%%"))
        .sectionKeys(List.of(UsageMessageSpec.SECTION_KEY_SYNOPSIS));
  }

  @Override
  public int run(PrintStream out) throws Exception {
    return command.run(words, out);
  }
}
