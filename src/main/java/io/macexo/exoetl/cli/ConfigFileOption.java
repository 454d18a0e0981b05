package io.macexo.exoetl.cli;

import io.macexo.exoetl.config.ConfigLoader;
import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.config.NanPolicy;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --conf FILE}, shared by the commands that read the configuration (prepare, validate,
 * sync): declared once here and mixed in, so its name and help text cannot drift apart.
 */
final class ConfigFileOption {
  @Option(
      names = "--conf",
      paramLabel = "FILE",
      description = "a HOCON file overriding reference.conf (see conf/local.conf)")
  Path file;

  /**
   * The configuration: reference.conf, then the file if given, then the NaN policy if given.
   *
   * @throws io.macexo.exoetl.config.ConfigException naming the bad key; Main exits 2
   */
  EtlConfig load(NanPolicy nanPolicy) {
    EtlConfig config = ConfigLoader.load(file, Map.of());
    return nanPolicy == null ? config : config.withNanPolicy(nanPolicy);
  }
}
