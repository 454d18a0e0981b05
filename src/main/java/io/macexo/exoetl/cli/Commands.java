package io.macexo.exoetl.cli;

import java.util.List;

/** The registry of subcommands. Add a command here and it appears in the help. */
final class Commands {
  private Commands() {}

  static List<Command> all() {
    return List.of(
        new PrepareCommand(),
        new SynthCommand(),
        new DemoCommand(),
        new ValidateCommand(),
        new SyncCommand(),
        new DevHubCommand());
  }
}
