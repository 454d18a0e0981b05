package io.macexo.exoetl.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Python 3 interpreter for tests that check the notebooks and docs: {@code python3} on the PATH,
 * else Debian's {@code /usr/bin/python3}. Tests skip when none is found.
 */
public final class Python {
  private static final long TIMEOUT_SECONDS = 120;
  private final String executable;

  private Python(String executable) {
    this.executable = executable;
  }

  /** The first interpreter that runs and has every module named installed; empty when none has. */
  public static Optional<Python> find(String... modules) {
    for (String candidate : List.of("python3", "/usr/bin/python3")) {
      Python python = new Python(candidate);
      // find_spec looks a module up without importing it (importing torch takes seconds).
      List<String> check =
          new ArrayList<>(
              List.of(
                  "-c",
                  "import importlib.util, sys;"
                      + " sys.exit(0 if all(importlib.util.find_spec(m) for m in sys.argv[1:]) else 1)"));
      check.addAll(List.of(modules));
      try {
        if (python.run(check).exitCode() == 0) {
          return Optional.of(python);
        }
      } catch (IOException e) {
        // Not installed under this name: try the next one.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** The outcome of one run: exit code and the merged stdout and stderr. */
  public record Result(int exitCode, String output) {}

  /** Runs the interpreter with these arguments. */
  public Result run(List<String> arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(executable));
    command.addAll(arguments);
    Path log = Files.createTempFile("python", ".log");
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(
            "Cannot run " + command + ": no exit after " + TIMEOUT_SECONDS + " s");
      }
      return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  /** Compiles a file without running it ({@code python3 -m py_compile}); output holds the error. */
  public Result compile(Path source) throws IOException, InterruptedException {
    return run(List.of("-m", "py_compile", source.toString()));
  }

  @Override
  public String toString() {
    return executable;
  }
}
