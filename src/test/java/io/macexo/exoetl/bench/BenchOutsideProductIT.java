package io.macexo.exoetl.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.macexo.exoetl.testing.ChildProcess;
import io.macexo.exoetl.testing.ExoEtlBuild;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench stays outside the product after {@code mvn package}: the spark-submit jar holds no
 * bench class and no DuckDB class, the runtime library folder (every run's class path) holds no
 * DuckDB jar, and {@code bin/exo-etl bench} still reaches the bench from the test class path. An
 * integration test because it reads what the package phase built (failsafe passes the jar and the
 * library folder).
 */
class BenchOutsideProductIT {
  private static final String BENCH_PACKAGE = "io/macexo/exoetl/bench/";
  private static final String DUCKDB_PACKAGE = "org/duckdb/";

  @TempDir Path work;

  @Test
  void theApplicationJarHoldsNoBenchAndNoDuckDbClass() throws IOException {
    List<String> entries;
    try (ZipFile jar = new ZipFile(ExoEtlBuild.appJar().toFile())) {
      entries = Collections.list(jar.entries()).stream().map(ZipEntry::getName).toList();
    }

    assertThat(entries).as("entries of %s", ExoEtlBuild.appJar()).isNotEmpty();
    assertThat(entries)
        .as("bench or DuckDB entries in %s", ExoEtlBuild.appJar())
        .filteredOn(name -> name.startsWith(BENCH_PACKAGE) || name.startsWith(DUCKDB_PACKAGE))
        .isEmpty();
  }

  @Test
  void theRuntimeLibraryFolderHoldsNoDuckDbJar() throws IOException {
    List<Path> jars = ExoEtlBuild.libJars();

    assertThat(jars).as("jars in %s", ExoEtlBuild.libDir()).isNotEmpty();
    assertThat(jars)
        .as("DuckDB jars in %s", ExoEtlBuild.libDir())
        .filteredOn(jar -> jar.getFileName().toString().toLowerCase(Locale.ROOT).contains("duckdb"))
        .isEmpty();
  }

  @Test
  void theLauncherStillRunsTheBenchFromTheTestClassPath() throws Exception {
    Launch help = launch("help", "bench", "--help");
    Launch mistake = launch("mistake", "bench", "--runz", "1");

    assertThat(help.exitCode()).as(help.output()).isZero();
    assertThat(help.output()).startsWith("usage: exo-etl bench [--corpus DIR]");
    assertThat(mistake.exitCode()).as(mistake.output()).isEqualTo(2);
    assertThat(mistake.output()).isEqualTo("exo-etl bench: unknown flag --runz (see --help)\n");
  }

  /** One finished {@code bin/exo-etl} run: its exit code and its output (stdout and stderr). */
  private record Launch(int exitCode, String output) {}

  private Launch launch(String name, String... arguments) throws Exception {
    Path project = ExoEtlBuild.projectDir();
    List<String> command = new ArrayList<>(List.of(project.resolve("bin/exo-etl").toString()));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile());
    // The children must not inherit the options of this test JVM's launcher, if any.
    builder.environment().remove("EXO_ETL_JAVA_OPTS");
    try (ChildProcess process = ChildProcess.start(name, builder, work.resolve(name + ".log"))) {
      int code = process.waitFor(Duration.ofMinutes(2));
      return new Launch(code, Files.readString(process.log(), StandardCharsets.UTF_8));
    }
  }
}
