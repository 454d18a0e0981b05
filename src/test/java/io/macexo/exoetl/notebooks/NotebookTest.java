package io.macexo.exoetl.notebooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.macexo.exoetl.testing.Python;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * notebooks/explore_phase1.ipynb is a valid nbformat 4 document and every code cell compiles. The
 * cells are not run: that needs pandas, pyarrow, matplotlib and torch, which CI does not have.
 */
class NotebookTest {
  static final Path NOTEBOOK = Path.of("notebooks", "explore_phase1.ipynb");

  @TempDir Path work;

  @Test
  void isNbformat4WithCellsOfKnownTypes() throws Exception {
    JsonNode notebook = new ObjectMapper().readTree(NOTEBOOK.toFile());
    assertThat(notebook.path("nbformat").asInt()).isEqualTo(4);
    assertThat(notebook.path("nbformat_minor").isInt()).isTrue();
    assertThat(notebook.path("metadata").path("kernelspec").path("language").asText())
        .isEqualTo("python");
    assertThat(notebook.path("cells").size()).isGreaterThan(5);
    for (JsonNode cell : notebook.get("cells")) {
      String type = cell.path("cell_type").asText();
      assertThat(type).isIn("code", "markdown");
      assertThat(cell.path("metadata").isObject()).as("metadata of a %s cell", type).isTrue();
      assertThat(cell.path("source").isArray() || cell.path("source").isTextual()).isTrue();
      if (type.equals("code")) {
        assertThat(cell.path("outputs").isArray()).as("outputs of a code cell").isTrue();
        assertThat(cell.has("execution_count")).as("execution_count of a code cell").isTrue();
      }
    }
  }

  @Test
  void everyCodeCellCompiles() throws Exception {
    Optional<Python> python = Python.find();
    assumeTrue(python.isPresent(), "python3 is not installed; notebook cells are not compiled");
    int index = 0;
    for (JsonNode cell : new ObjectMapper().readTree(NOTEBOOK.toFile()).get("cells")) {
      if (cell.path("cell_type").asText().equals("code")) {
        Path source = work.resolve("cell_" + index + ".py");
        Files.writeString(source, sourceOf(cell));
        Python.Result compiled = python.get().compile(source);
        assertThat(compiled.exitCode()).as("cell %d: %s", index, compiled.output()).isZero();
      }
      index++;
    }
  }

  /** A cell's source is a string or a list of lines (each keeping its newline). */
  static String sourceOf(JsonNode cell) {
    JsonNode source = cell.get("source");
    if (source.isTextual()) {
      return source.asText();
    }
    StringBuilder text = new StringBuilder();
    source.forEach(line -> text.append(line.asText()));
    return text.toString();
  }
}
