package io.macexo.exoetl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The synopses quoted in README.md and docs/hub.md are the ones the help prints. */
class DocumentedHelpTest {
  @ParameterizedTest
  @ValueSource(strings = {"prepare", "synth", "demo", "validate", "sync", "dev-hub"})
  void theReadmeCommandsTableQuotesEachSynopsis(String command) throws IOException {
    String row =
        Files.readAllLines(Path.of("README.md")).stream()
            .filter(line -> line.startsWith("| `" + command + " ") || line.equals("| `" + command))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no README row for " + command));
    String quoted = row.substring(3, row.indexOf("` |")).replace("\\|", "|");

    assertThat(quoted).isEqualTo(synopsis(command).replace("exo-etl " + command, command));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sync", "dev-hub"})
  void theHubDocsQuoteTheSynopsisAsPrinted(String command) throws IOException {
    String help = CliRun.of(command, "--help").out();
    String printed = help.substring("usage: ".length(), help.indexOf("\n\n"));

    assertThat(Files.readString(Path.of("docs/hub.md")))
        .contains(printed.replace("\n       ", "\n"));
  }

  /**
   * The help's synopsis on one line, without the global flags, e.g. {@code exo-etl demo
   * [--dir=DIR]}.
   */
  private static String synopsis(String command) {
    String help = CliRun.of(command, "--help").out();
    return help.substring("usage: ".length(), help.indexOf("\n\n"))
        .replaceAll("\\s+", " ")
        .replace(" [-hv]", "");
  }
}
