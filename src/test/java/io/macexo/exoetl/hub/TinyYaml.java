package io.macexo.exoetl.hub;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough YAML to read a dataset card's front matter back in tests: block maps, block lists
 * (also at their key's indentation, as the Hub writes them), plain and double-quoted scalars.
 * Anything else fails.
 */
final class TinyYaml {
  private record Line(int indent, String text) {}

  private final List<Line> lines = new ArrayList<>();
  private int pos;

  private TinyYaml(String text) {
    for (String raw : text.split("\n")) {
      if (!raw.isBlank() && !raw.trim().startsWith("#")) {
        int indent = raw.length() - raw.stripLeading().length();
        lines.add(new Line(indent, raw.trim()));
      }
    }
  }

  /** Parses a document into nested maps, lists and strings. */
  static Object parse(String text) {
    TinyYaml yaml = new TinyYaml(text);
    Object value = yaml.block(0);
    if (yaml.pos != yaml.lines.size()) {
      throw new IllegalArgumentException(
          "Unparsed YAML from line: " + yaml.lines.get(yaml.pos).text());
    }
    return value;
  }

  private Object block(int indent) {
    return lines.get(pos).text().startsWith("- ") ? list(indent) : map(indent);
  }

  private Map<String, Object> map(int indent) {
    Map<String, Object> map = new LinkedHashMap<>();
    while (pos < lines.size()
        && lines.get(pos).indent() == indent
        && !lines.get(pos).text().startsWith("- ")) {
      String text = lines.get(pos).text();
      int colon = text.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException("Expected 'key: value', got: " + text);
      }
      String key = text.substring(0, colon).trim();
      String rest = text.substring(colon + 1).trim();
      pos++;
      if (!rest.isEmpty()) {
        map.put(key, scalar(rest));
      } else if (pos < lines.size()
          && (lines.get(pos).indent() > indent
              || (lines.get(pos).indent() == indent && lines.get(pos).text().startsWith("- ")))) {
        map.put(key, block(lines.get(pos).indent()));
      } else {
        map.put(key, null);
      }
    }
    return map;
  }

  private List<Object> list(int indent) {
    List<Object> list = new ArrayList<>();
    while (pos < lines.size()
        && lines.get(pos).indent() == indent
        && lines.get(pos).text().startsWith("- ")) {
      String item = lines.get(pos).text().substring(2).trim();
      if (item.matches("^[A-Za-z_][A-Za-z0-9_]*:( .*)?$")) {
        lines.set(pos, new Line(indent + 2, item));
        list.add(map(indent + 2));
      } else {
        list.add(scalar(item));
        pos++;
      }
    }
    return list;
  }

  private static String scalar(String text) {
    if (text.startsWith("\"")) {
      if (!text.endsWith("\"") || text.length() < 2) {
        throw new IllegalArgumentException("Unterminated string: " + text);
      }
      return text.substring(1, text.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }
    if (text.startsWith("'")
        || text.startsWith("{")
        || text.startsWith("[")
        || text.startsWith("&")
        || text.startsWith("*")) {
      throw new IllegalArgumentException("TinyYaml does not read: " + text);
    }
    return text;
  }
}
