package io.macexo.exoetl.notebooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.macexo.exoetl.testing.Python;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * notebooks/exo_dataset.py and the Python in docs/data_usage.md: every block compiles, and, where
 * an interpreter with torch and numpy exists, a padded batch has the documented shapes and masks.
 * (The docs' training code is the exo_dataset package's, run by
 * src/test/python/training/test_docs.py.)
 */
class NotebookDatasetModuleTest {
  static final Path MODULE = Path.of("notebooks", "exo_dataset.py");
  static final Path DOCS = Path.of("docs", "data_usage.md");
  private static final Pattern PYTHON_BLOCK =
      Pattern.compile("```python\\n(.*?)```", Pattern.DOTALL);

  @TempDir Path work;

  @Test
  void moduleAndEveryDocsBlockCompile() throws Exception {
    Optional<Python> python = Python.find();
    assumeTrue(python.isPresent(), "python3 is not installed; Python sources are not compiled");
    Path module = work.resolve("exo_dataset.py");
    Files.copy(MODULE, module);
    Python.Result compiled = python.get().compile(module);
    assertThat(compiled.exitCode()).as(compiled.output()).isZero();
    List<String> blocks = pythonBlocks();
    for (int i = 0; i < blocks.size(); i++) {
      Path block = work.resolve("docs_block_" + i + ".py");
      Files.writeString(block, blocks.get(i));
      Python.Result result = python.get().compile(block);
      assertThat(result.exitCode()).as("docs block %d: %s", i, result.output()).isZero();
    }
  }

  @Test
  void collatePadsToTheLongestTrial() throws Exception {
    Optional<Python> python = Python.find("torch", "numpy");
    assumeTrue(python.isPresent(), "no python3 with torch and numpy; the batch is not built");
    Path script = work.resolve("batch_check.py");
    Files.writeString(
        script,
        """
        import sys
        sys.path.insert(0, sys.argv[1])
        import numpy as np
        from exo_dataset import ExoTrials, collate_padded, masked_mse
        lengths = [5, 3, 7]
        imu = [np.ones((n, 24), np.float32) for n in lengths]
        angles = [np.full((n, 4), 2, np.float32) for n in lengths]
        moments = [np.full((n, 4), 3, np.float32) for n in lengths]
        moments[0][1, 2] = np.nan
        imu[2][0, 0] = np.nan
        trials = ExoTrials(["BT01", "BT01", "BT02"], ["a", "b", "c"], imu, angles, moments)
        batch = collate_padded([trials[i] for i in range(3)])
        assert tuple(batch["inputs"].shape) == (3, 7, 28), batch["inputs"].shape
        assert tuple(batch["targets"].shape) == (3, 7, 4)
        assert batch["lengths"].tolist() == lengths
        assert batch["mask"].sum().item() == 15
        assert not bool(batch["target_mask"][0, 1, 2]) and bool(batch["target_mask"][0, 0, 2])
        assert not bool(batch["target_mask"][1, 3:].any())
        assert float(batch["inputs"][2, 0, 0]) == 0.0 and float(batch["inputs"][2, 0, 24]) == 2.0
        loss = masked_mse(batch["targets"], batch["targets"], batch["target_mask"])
        assert float(loss) == 0.0
        print("ok")
        """);
    Python.Result result =
        python
            .get()
            .run(List.of("-B", script.toString(), MODULE.toAbsolutePath().getParent().toString()));
    assertThat(result.output()).endsWith("ok\n");
    assertThat(result.exitCode()).isZero();
  }

  private static List<String> pythonBlocks() throws Exception {
    Matcher matcher = PYTHON_BLOCK.matcher(Files.readString(DOCS));
    List<String> blocks = new ArrayList<>();
    while (matcher.find()) {
      blocks.add(matcher.group(1));
    }
    return blocks;
  }
}
