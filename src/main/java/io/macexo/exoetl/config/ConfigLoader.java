package io.macexo.exoetl.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException.BadValue;
import com.typesafe.config.ConfigException.Missing;
import com.typesafe.config.ConfigException.Parse;
import com.typesafe.config.ConfigException.WrongType;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import io.macexo.exoetl.model.Selection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The one class that reads Typesafe Config. Layers: built-in {@code reference.conf}, then an
 * optional user file, then command-line overrides (given as key paths). Every problem becomes a
 * {@link ConfigException} naming the key.
 */
public final class ConfigLoader {
  static final String ROOT = "exo-etl";

  /**
   * Sub-trees whose keys are free (participant ids, Spark settings, feature groups); the groups are
   * checked by {@link SelectionReader}.
   */
  private static final Set<String> OPEN_MAPS =
      Set.of(ROOT + ".participants", ROOT + ".spark.conf", ROOT + ".selection");

  private ConfigLoader() {}

  /** Loads the defaults alone. */
  public static EtlConfig defaults() {
    return load(null, Map.of());
  }

  /**
   * Loads the layered configuration.
   *
   * @param file a HOCON file, or null
   * @param overrides key paths (e.g. {@code exo-etl.nan-policy}) to values, applied last
   */
  public static EtlConfig load(Path file, Map<String, String> overrides) {
    Config reference = ConfigFactory.parseResources(ConfigLoader.class, "/reference.conf");
    Config user = ConfigFactory.empty();
    if (file != null) {
      if (!Files.isRegularFile(file)) {
        throw new ConfigException("--conf", "no such file: " + file);
      }
      try {
        user =
            ConfigFactory.parseFile(
                file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
      } catch (Parse e) {
        throw new ConfigException("--conf", "cannot parse " + file + ": " + e.getMessage());
      }
      rejectUnknownKeys(user, reference);
    }
    Config merged =
        ConfigFactory.parseMap(overrides).withFallback(user).withFallback(reference).resolve();
    return map(merged.getConfig(ROOT), reference.getConfig(ROOT + ".selection").root().keySet());
  }

  private static void rejectUnknownKeys(Config user, Config reference) {
    for (Map.Entry<String, ConfigValue> entry : user.entrySet()) {
      String key = entry.getKey();
      boolean open = OPEN_MAPS.stream().anyMatch(prefix -> key.startsWith(prefix + "."));
      if (!open && !reference.hasPathOrNull(key)) {
        throw new ConfigException(
            key, "unknown key (see reference.conf for the keys exo-etl reads)");
      }
    }
  }

  private static EtlConfig map(Config c, Set<String> defaultGroups) {
    Selection selection = SelectionReader.read(c, ROOT, defaultGroups);
    Map<String, Double> masses = new LinkedHashMap<>();
    Config participants = read(c, "participants", Config::getConfig);
    for (String participant : participants.root().keySet()) {
      String path = ConfigUtil.quoteString(participant);
      masses.put(
          participant, read(participants, path, "participants." + participant, Config::getDouble));
    }
    OutputSettings output =
        new OutputSettings(
            read(c, "output.compression", Config::getString),
            read(c, "output.row-group-bytes", Config::getBytes),
            read(c, "output.parquet-dictionary", Config::getBoolean));
    Map<String, String> sparkConf = new LinkedHashMap<>();
    read(c, "spark.conf", Config::getConfig)
        .entrySet()
        .forEach(
            e ->
                sparkConf.put(
                    e.getKey().replace("\"", ""), String.valueOf(e.getValue().unwrapped())));
    SparkSettings spark =
        new SparkSettings(
            read(c, "spark.master", Config::getString),
            read(c, "spark.app-name", Config::getString),
            read(c, "spark.shuffle-partitions", Config::getInt),
            sparkConf);
    return new EtlConfig(
        read(c, "sampling-rate-hz", Config::getInt),
        NanPolicy.parse(read(c, "nan-policy", Config::getString), ROOT + ".nan-policy"),
        selection,
        masses,
        output,
        spark,
        new Splits(
            read(c, "splits.train", Config::getStringList),
            read(c, "splits.val", Config::getStringList),
            read(c, "splits.test", Config::getStringList)),
        read(c, "lock.stale-after", Config::getDuration));
  }

  static <T> T read(Config c, String path, BiFunction<Config, String, T> getter) {
    return read(c, path, path, getter);
  }

  /** Reads one value; a wrong type or a missing value becomes one line naming the full key. */
  static <T> T read(
      Config c, String path, String keyForMessage, BiFunction<Config, String, T> getter) {
    try {
      return getter.apply(c, path);
    } catch (Missing e) {
      throw new ConfigException(ROOT + "." + keyForMessage, "is required");
    } catch (WrongType | BadValue e) {
      String detail = e.getMessage().replaceFirst("^.*?: \\d+: ", "");
      throw new ConfigException(ROOT + "." + keyForMessage, detail);
    }
  }
}
