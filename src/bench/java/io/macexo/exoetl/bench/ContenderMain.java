package io.macexo.exoetl.bench;

import io.macexo.exoetl.config.ConfigLoader;
import io.macexo.exoetl.config.EtlConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Entry point of the bench's child JVMs, one contender per process so that its memory is its own:
 * {@code duckdb}, {@code floor} and {@code discovery}. Arguments are {@code key=value} words; the
 * outcome goes to the {@code result=} file as Java properties, which the parent reads. Not a
 * subcommand of bin/exo-etl: only {@link JavaChild} starts it.
 *
 * <pre>
 * ContenderMain duckdb manifest=M output=DIR threads=T temporary=DIR result=FILE
 * ContenderMain floor manifest=M threads=T parser=FAST_PATH|JDK result=FILE
 * ContenderMain discovery root=DIR result=FILE
 * </pre>
 */
public final class ContenderMain {
  private ContenderMain() {}

  public static void main(String[] words) throws Exception {
    if (words.length < 1) {
      throw new IllegalArgumentException(
          "usage: ContenderMain duckdb|floor|discovery key=value...");
    }
    Map<String, String> arguments = new HashMap<>();
    for (int index = 1; index < words.length; index++) {
      int equals = words[index].indexOf('=');
      if (equals < 1) {
        throw new IllegalArgumentException("expected key=value, not '" + words[index] + "'");
      }
      arguments.put(words[index].substring(0, equals), words[index].substring(equals + 1));
    }
    Properties result =
        switch (words[0]) {
          case "duckdb" -> duckDb(arguments);
          case "floor" -> floor(arguments);
          case "discovery" -> discovery(arguments);
          default -> throw new IllegalArgumentException("unknown contender '" + words[0] + "'");
        };
    try (OutputStream out = Files.newOutputStream(Path.of(required(arguments, "result")))) {
      result.store(out, "exo-etl bench " + words[0]);
    }
  }

  private static Properties duckDb(Map<String, String> arguments) throws Exception {
    EtlConfig config = ConfigLoader.defaults();
    DuckDbPeer.Result result =
        DuckDbPeer.run(
            TrialManifest.read(Path.of(required(arguments, "manifest"))),
            Path.of(required(arguments, "output")),
            new DuckDbPeer.Settings(
                config.selection(),
                config.samplingRateHz(),
                Integer.parseInt(required(arguments, "threads")),
                Path.of(required(arguments, "temporary"))));
    Properties properties = new Properties();
    properties.setProperty("trials", Long.toString(result.trials()));
    properties.setProperty("readCsvCalls", Integer.toString(result.readCsvCalls()));
    properties.setProperty("seconds", format(result.seconds()));
    return properties;
  }

  private static Properties floor(Map<String, String> arguments) throws Exception {
    ParseFloor.Result result =
        ParseFloor.run(
            TrialManifest.read(Path.of(required(arguments, "manifest"))),
            ConfigLoader.defaults().selection(),
            Integer.parseInt(required(arguments, "threads")),
            FloorScanner.Parser.valueOf(required(arguments, "parser")));
    Properties properties = new Properties();
    properties.setProperty("files", Integer.toString(result.files()));
    properties.setProperty("rows", Long.toString(result.rows()));
    properties.setProperty("values", Long.toString(result.values()));
    properties.setProperty("bytes", Long.toString(result.bytes()));
    properties.setProperty("checksum", Double.toString(result.checksum()));
    properties.setProperty("seconds", format(result.seconds()));
    return properties;
  }

  private static Properties discovery(Map<String, String> arguments) throws IOException {
    DiscoveryProbe.Result result = DiscoveryProbe.run(Path.of(required(arguments, "root")));
    Properties properties = new Properties();
    properties.setProperty("readable", Integer.toString(result.readable()));
    properties.setProperty("rejected", Integer.toString(result.rejected()));
    properties.setProperty("fileSystemSeconds", format(result.fileSystemSeconds()));
    properties.setProperty("seconds", format(result.discoverySeconds()));
    properties.setProperty("heapPeakBytes", Long.toString(result.heapPeakBytes()));
    properties.setProperty("retainedBytes", Long.toString(result.retainedBytes()));
    return properties;
  }

  private static String required(Map<String, String> arguments, String key) {
    String value = arguments.get(key);
    if (value == null) {
      throw new IllegalArgumentException("missing " + key + "=...");
    }
    return value;
  }

  private static String format(double seconds) {
    return String.format(Locale.ROOT, "%.3f", seconds);
  }
}
