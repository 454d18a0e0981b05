package io.macexo.exoetl.read;

import io.macexo.exoetl.model.Locations;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Opens input files and writes output files on executors with the driver's file system settings
 * ({@code fs.*}: the s3a endpoint, credentials provider, path style) and Parquet settings ({@code
 * parquet.*}, e.g. the zstd level). The settings travel as plain strings, the only thing executor
 * code takes from the driver besides file paths.
 */
public final class HadoopFiles implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String CREDENTIAL_PROVIDER_PATH = "hadoop.security.credential.provider.path";
  private final HashMap<String, String> settings;
  private transient Configuration configuration;

  /** One configuration per executor JVM and settings, shared by its tasks. */
  private static final java.util.concurrent.ConcurrentHashMap<Map<String, String>, Configuration>
      SHARED = new java.util.concurrent.ConcurrentHashMap<>();

  private HadoopFiles(HashMap<String, String> settings) {
    this.settings = settings;
  }

  /** Captures the {@code fs.*} settings of the driver's Hadoop configuration. */
  public static HadoopFiles from(Configuration conf) {
    HashMap<String, String> settings = new HashMap<>();
    for (Map.Entry<String, String> entry : conf) {
      // S3A also reads credential stores (a JCEKS file holding fs.s3a.secret.key) outside fs.*.
      if (entry.getKey().startsWith("fs.")
          || entry.getKey().startsWith("parquet.")
          || entry.getKey().equals(CREDENTIAL_PROVIDER_PATH)) {
        settings.put(entry.getKey(), entry.getValue());
      }
    }
    return new HadoopFiles(settings);
  }

  /**
   * Opens an input file, given as {@link Locations#text}, for reading. Every failure, on opening or
   * on any later read, is a {@link ReadFailure} naming the file.
   */
  public InputStream open(String uri) throws ReadFailure {
    Path path = Locations.path(uri);
    try {
      FileSystem fs = path.getFileSystem(configuration());
      // Inputs carry no .crc files; the raw local file system also opens names with a ':', whose
      // checksum file name Hadoop cannot build.
      FileSystem reading = fs instanceof ChecksumFileSystem local ? local.getRawFileSystem() : fs;
      return new NamedInput(reading.open(path), path.getName());
    } catch (IOException | RuntimeException e) {
      throw new ReadFailure(path.getName(), e);
    }
  }

  /**
   * The executor's Hadoop configuration for these settings. Built once per executor JVM and shared
   * by its tasks (it is only read), because loading Hadoop's default XML per task showed in the
   * profile.
   */
  public Configuration configuration() {
    if (configuration == null) {
      configuration =
          SHARED.computeIfAbsent(
              settings,
              captured -> {
                Configuration conf = new Configuration();
                captured.forEach(conf::set);
                return conf;
              });
    }
    return configuration;
  }
}
