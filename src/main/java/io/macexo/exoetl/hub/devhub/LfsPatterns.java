package io.macexo.exoetl.hub.devhub;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code filter=lfs} patterns of a {@code .gitattributes} file, matched as Git does for the
 * common cases: a pattern without a slash matches the file name in any folder, {@code *} stays
 * within a segment, {@code **} crosses segments. Later lines win, so {@code -filter} can undo an
 * earlier match.
 */
final class LfsPatterns {
  private record Rule(Pattern pattern, boolean anchored, boolean lfs) {}

  private final List<Rule> rules;

  private LfsPatterns(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  static LfsPatterns parse(String gitattributes) {
    List<Rule> rules = new ArrayList<>();
    for (String line : gitattributes.split("\n")) {
      String[] words = line.trim().split("\\s+");
      if (words.length < 2 || words[0].startsWith("#")) {
        continue;
      }
      for (int i = 1; i < words.length; i++) {
        if (words[i].equals("filter=lfs")) {
          rules.add(new Rule(toRegex(words[0]), words[0].contains("/"), true));
        } else if (words[i].equals("-filter") || words[i].equals("!filter")) {
          rules.add(new Rule(toRegex(words[0]), words[0].contains("/"), false));
        }
      }
    }
    return new LfsPatterns(rules);
  }

  boolean matches(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    boolean lfs = false;
    for (Rule rule : rules) {
      if (rule.pattern.matcher(rule.anchored ? path : name).matches()) {
        lfs = rule.lfs;
      }
    }
    return lfs;
  }

  private static Pattern toRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    String text = glob.startsWith("/") ? glob.substring(1) : glob;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '*' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
        regex.append(".*");
        i++;
      } else if (c == '*') {
        regex.append("[^/]*");
      } else if (c == '?') {
        regex.append("[^/]");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }
}
