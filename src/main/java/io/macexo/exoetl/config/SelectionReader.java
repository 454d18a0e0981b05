package io.macexo.exoetl.config;

import com.typesafe.config.Config;
import io.macexo.exoetl.model.FeatureGroup;
import io.macexo.exoetl.model.Selection;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code exo-etl.selection}: the ordered group names under {@code groups}, and one object per
 * group with {@code file}, {@code column}, {@code features} and optionally {@code unit} and {@code
 * description}. The sub-tree is open (a new group is a new key), so this class does the checking
 * the reference file does elsewhere: every group object is listed, every listed group exists, and a
 * group has no key it does not know.
 */
final class SelectionReader {
  private static final String SELECTION = "selection";
  private static final String GROUPS = "groups";
  private static final List<String> GROUP_KEYS =
      List.of("file", "column", "features", "unit", "description");

  private SelectionReader() {}

  /**
   * @param defaults the groups reference.conf defines: a user's selection may leave them out of its
   *     {@code groups} without removing them
   */
  static Selection read(Config c, String root, java.util.Set<String> defaults) {
    List<String> names = ConfigLoader.read(c, SELECTION + "." + GROUPS, Config::getStringList);
    Config selection = ConfigLoader.read(c, SELECTION, Config::getConfig);
    for (String key : selection.root().keySet()) {
      if (!key.equals(GROUPS) && !names.contains(key) && !defaults.contains(key)) {
        throw new ConfigException(
            root + "." + SELECTION + "." + key,
            "is not listed in " + root + "." + SELECTION + "." + GROUPS + " " + names);
      }
    }
    List<FeatureGroup> groups = new ArrayList<>();
    for (String name : names) {
      groups.add(group(c, root, name));
    }
    try {
      return new Selection(ConfigLoader.read(c, "time-column", Config::getString), groups);
    } catch (IllegalArgumentException e) {
      throw ConfigException.fromKeyedMessage(e.getMessage());
    }
  }

  private static FeatureGroup group(Config c, String root, String name) {
    String path = SELECTION + "." + name;
    if (!c.hasPath(path)) {
      throw new ConfigException(
          root + "." + path, "is listed in " + root + ".selection.groups but not defined");
    }
    Config group = ConfigLoader.read(c, path, Config::getConfig);
    for (String key : group.root().keySet()) {
      if (!GROUP_KEYS.contains(key)) {
        throw new ConfigException(
            root + "." + path + "." + key, "unknown key (a group has " + GROUP_KEYS + ")");
      }
    }
    try {
      return new FeatureGroup(
          name,
          ConfigLoader.read(c, path + ".file", Config::getString),
          ConfigLoader.read(c, path + ".column", Config::getString),
          ConfigLoader.read(c, path + ".features", Config::getStringList),
          group.hasPath("unit") ? ConfigLoader.read(c, path + ".unit", Config::getString) : "",
          group.hasPath("description")
              ? ConfigLoader.read(c, path + ".description", Config::getString)
              : "");
    } catch (IllegalArgumentException e) {
      throw ConfigException.fromKeyedMessage(e.getMessage());
    }
  }
}
