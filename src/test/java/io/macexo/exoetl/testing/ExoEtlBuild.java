package io.macexo.exoetl.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where {@code mvn package} put the things an integration test runs: the shaded application jar
 * ({@value #APP_JAR_PROPERTY}) and the runtime library folder with Spark and hadoop-aws ({@value
 * #LIB_DIR_PROPERTY}); failsafe passes both. Also the class path bin/exo-etl uses.
 */
public final class ExoEtlBuild {
  public static final String APP_JAR_PROPERTY = "exo.app.jar";
  public static final String LIB_DIR_PROPERTY = "exo.lib.dir";
  public static final String MAIN_CLASS = "io.macexo.exoetl.cli.Main";

  private ExoEtlBuild() {}

  public static Path appJar() {
    return existing(APP_JAR_PROPERTY);
  }

  public static Path libDir() {
    return existing(LIB_DIR_PROPERTY);
  }

  /** The project folder (the application jar sits in its {@code target/}). */
  public static Path projectDir() {
    return appJar().toAbsolutePath().getParent().getParent();
  }

  /** bin/exo-etl's class path: the application jar, then every jar in the library folder. */
  public static List<String> launcherClassPath() {
    return List.of(appJar().toString(), libDir().resolve("*").toString());
  }

  /** The library folder's jars, for building a Spark home. */
  public static List<Path> libJars() throws IOException {
    try (Stream<Path> files = Files.list(libDir())) {
      return files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().toList();
    }
  }

  private static Path existing(String property) {
    String value = System.getProperty(property);
    if (value == null || !Files.exists(Path.of(value))) {
      throw new IllegalStateException(
          "System property "
              + property
              + " is "
              + (value == null ? "not set" : "'" + value + "', which does not exist")
              + ": run integration tests with mvn verify (after package)");
    }
    return Path.of(value);
  }
}
