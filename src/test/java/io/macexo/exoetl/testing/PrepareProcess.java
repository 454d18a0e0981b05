package io.macexo.exoetl.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Starts {@code exo-etl prepare} as its own JVM, exactly as bin/exo-etl does (the application jar
 * and {@code target/lib} on the class path, the Spark flags, local mode on all cores), with its
 * output in {@code <workDir>/<name>.log} and {@code workDir} as its working folder.
 */
public final class PrepareProcess {
  private PrepareProcess() {}

  public static ChildProcess start(String name, String input, String output, Path workDir)
      throws IOException {
    ProcessBuilder builder =
        JavaCommand.spark(
            "1g",
            ExoEtlBuild.launcherClassPath(),
            ExoEtlBuild.MAIN_CLASS,
            List.of("prepare", "--input", input, "--output", output));
    builder.directory(Files.createDirectories(workDir).toFile());
    return ChildProcess.start(name, builder, workDir.resolve(name + ".log"));
  }
}
