package io.macexo.exoetl.testing;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Builds the command line of a child JVM the way {@code bin/exo-etl} does: this JVM's java, the
 * flags Spark needs on Java 17 (the pom's {@code spark.jvm.flags}, passed in as the system property
 * {@value #FLAGS_PROPERTY}), a heap, a class path, the launcher's logging configuration,
 * loopback-only networking and no cloud metadata look-ups. For integration tests (it needs the
 * packaged build).
 */
public final class JavaCommand {
  /** The system property that carries the pom's {@code spark.jvm.flags}. */
  public static final String FLAGS_PROPERTY = "exo.spark.jvm.flags";

  private JavaCommand() {}

  /**
   * A process builder for {@code mainClass} with the Spark flags.
   *
   * @param classPath entries as the JVM takes them ({@code dir/*} for every jar in a folder)
   */
  public static ProcessBuilder spark(
      String heap, List<String> classPath, String mainClass, List<String> arguments) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(sparkFlags());
    command.add("-Xmx" + heap);
    command.add("-Daws.disableEc2Metadata=true");
    // bin/exo-etl's logging: Spark and Hadoop at WARN, the job's own lines at INFO.
    command.add(
        "-Dlog4j2.configurationFile="
            + ExoEtlBuild.projectDir().resolve("conf").resolve("log4j2.properties"));
    command.add("-cp");
    command.add(String.join(File.pathSeparator, classPath));
    command.add(mainClass);
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> environment = builder.environment();
    environment.put("SPARK_LOCAL_IP", "127.0.0.1");
    environment.put("AWS_EC2_METADATA_DISABLED", "true");
    return builder;
  }

  /** The flags from {@value #FLAGS_PROPERTY}; fails with the reason when it is not set. */
  public static List<String> sparkFlags() {
    String flags = System.getProperty(FLAGS_PROPERTY);
    if (flags == null || flags.isBlank()) {
      throw new IllegalStateException(
          "System property "
              + FLAGS_PROPERTY
              + " is not set: run this test through Maven (failsafe passes the pom's spark.jvm.flags)");
    }
    return Arrays.stream(flags.trim().split("\\s+")).toList();
  }
}
