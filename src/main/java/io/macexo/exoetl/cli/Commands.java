package io.macexo.exoetl.cli;

import java.util.List;

/**
 * The registry of subcommands, in the order of the command list. Add a command here and it appears
 * in the help. Each is a picocli-annotated {@link Subcommand}.
 */
final class Commands {
  private Commands() {}

  static List<Object> all() {
    return List.of(
        new PrepareCommand(),
        new SynthCommand(),
        new DemoCommand(),
        new ValidateCommand(),
        new SyncCommand(),
        new DevHubCommand());
  }
}
