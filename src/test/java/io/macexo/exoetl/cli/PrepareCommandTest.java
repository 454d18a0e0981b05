package io.macexo.exoetl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.macexo.exoetl.config.ConfigLoader;
import io.macexo.exoetl.testing.TrialTreeBuilder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line a scheduler sees: exit codes for done, nothing to do, and the run summary. */
class PrepareCommandTest {
  @TempDir Path work;

  @Test
  void exitCodesTellDoneFromNothingToDo() throws Exception {
    TrialTreeBuilder tree = new TrialTreeBuilder(work.resolve("Parsed"), ConfigLoader.defaults());
    tree.trial("BT01", "normal_walk_1_1-2_on", 10);
    tree.trial(
        "BT01",
        "defect_1_missing-file_on",
        10,
        (kind, lines) -> kind == io.macexo.exoetl.testing.FileKind.ANGLE ? null : lines);
    Path conf =
        Files.writeString(
            work.resolve("test.conf"),
            "exo-etl.spark { master = \"local[2]\", conf { \"spark.ui.enabled\" = \"false\" } }");
    List<String> command =
        List.of(
            "prepare",
            "--input",
            tree.root().toString(),
            "--output",
            work.resolve("out").toString(),
            "--conf",
            conf.toString());

    ByteArrayOutputStream first = new ByteArrayOutputStream();
    assertThat(Main.run(command, new PrintStream(first, true, StandardCharsets.UTF_8), System.err))
        .isEqualTo(ExitCode.DONE);
    assertThat(first.toString(StandardCharsets.UTF_8))
        .contains("participants:    1 new, 0 changed, 0 unchanged, 0 removed")
        .contains("trials written:  1")
        .contains("MISSING_FILE         1");

    ByteArrayOutputStream second = new ByteArrayOutputStream();
    assertThat(Main.run(command, new PrintStream(second, true, StandardCharsets.UTF_8), System.err))
        .isEqualTo(ExitCode.NOTHING_TO_DO);
    assertThat(second.toString(StandardCharsets.UTF_8))
        .startsWith(
            "nothing to do: the output already matches the input (1 participants unchanged)");

    List<String> full = new java.util.ArrayList<>(command);
    full.add("--full");
    assertThat(
            Main.run(
                full,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                System.err))
        .isEqualTo(ExitCode.DONE);
  }
}
