package io.macexo.exoetl.cli;

import picocli.CommandLine.Option;

/**
 * {@code -h, --help}, mixed into every command ({@code @Mixin HelpOption help;}): picocli prints
 * the command's generated help, with its examples, and Main exits 0. As a flag's value ({@code
 * --message --help}) it is only a value.
 */
final class HelpOption {
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "print this help (flags, defaults and examples) and exit")
  boolean requested;
}
