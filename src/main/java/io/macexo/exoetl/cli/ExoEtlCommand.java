package io.macexo.exoetl.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The top of the command line, {@code exo-etl}: the global {@code --verbose}, the help layout every
 * subcommand inherits ({@code scope = INHERIT}: headings, width, flags in declaration order) and
 * the command list. Given no command, Main prints this help and exits 2.
 */
@Command(
    name = "exo-etl",
    scope = ScopeType.INHERIT,
    usageHelpWidth = 120,
    synopsisHeading = "usage: ",
    synopsisSubcommandLabel = "COMMAND",
    descriptionHeading = "%n",
    optionListHeading = "%nflags:%n",
    commandListHeading = "%ncommands:%n",
    footerHeading = "%nexamples:%n",
    sortOptions = false,
    sortSynopsis = false,
    description = {
      "Turns the Phase1 exoskeleton CSV dataset into a training-ready Parquet dataset and publishes it"
          + " to the Hugging Face Hub. 'exo-etl COMMAND --help' prints a command's flags and examples.",
      "",
      "Exit codes: 0 done, 3 nothing to do (the output already matches the input), 1 failed, 2 bad"
          + " arguments or configuration. A mistake is one line naming the flag or key; --verbose adds"
          + " the stack trace of a failure."
    },
    footer = {
      "  bin/exo-etl demo",
      "  bin/exo-etl prepare --input /data/Phase1And2_Parsed/Parsed --output /data/exo-phase1",
      "  bin/exo-etl sync --output /data/exo-phase1 --repo macexo/exo-phase1 --dry-run --verbose",
      "  bin/exo-etl help prepare"
    })
final class ExoEtlCommand {
  @Mixin HelpOption help;

  /** Global: allowed before or after the command's name, read by Main when a command fails. */
  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "print the stack trace of a failure too (before or after the command)")
  boolean verbose;
}
