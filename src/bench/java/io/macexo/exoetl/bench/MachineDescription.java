package io.macexo.exoetl.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The machine a bench ran on, for the report: cores, memory, CPU model, operating system, Java,
 * Spark and DuckDB versions, and the load average when the run started (the machine may be shared;
 * a high load makes every number slower and noisier).
 */
record MachineDescription(
    int cores,
    long memoryBytes,
    String cpuModel,
    String operatingSystem,
    String java,
    String spark,
    String duckDb,
    String loadAverage) {
  private static final String UNKNOWN = "unknown";

  static MachineDescription read() {
    return new MachineDescription(
        Runtime.getRuntime().availableProcessors(),
        totalMemoryBytes(),
        firstCpuModel(),
        System.getProperty("os.name") + " " + System.getProperty("os.version"),
        System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.runtime.version")
            + " ("
            + System.getProperty("java.vendor")
            + ")",
        io.macexo.exoetl.model.Versions.spark(),
        duckDbVersion(),
        currentLoadAverage());
  }

  /** The load average now: 1, 5 and 15 minutes. */
  static String currentLoadAverage() {
    List<String> lines = lines(Path.of("/proc/loadavg"));
    if (lines.isEmpty()) {
      return UNKNOWN;
    }
    String[] fields = lines.get(0).split("\\s+");
    return fields.length < 3 ? UNKNOWN : fields[0] + " " + fields[1] + " " + fields[2];
  }

  private static long totalMemoryBytes() {
    for (String line : lines(Path.of("/proc/meminfo"))) {
      if (line.startsWith("MemTotal:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    return 0;
  }

  private static String firstCpuModel() {
    for (String line : lines(Path.of("/proc/cpuinfo"))) {
      if (line.startsWith("model name")) {
        return line.substring(line.indexOf(':') + 1).trim();
      }
    }
    return UNKNOWN;
  }

  private static String duckDbVersion() {
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duck.createStatement();
        ResultSet result = statement.executeQuery("SELECT version()")) {
      result.next();
      return result.getString(1);
    } catch (SQLException e) {
      return UNKNOWN;
    }
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      return List.of();
    }
  }
}
