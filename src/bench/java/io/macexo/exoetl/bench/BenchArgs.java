package io.macexo.exoetl.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The bench's own parser for {@code --flag value}, {@code --flag=value} and {@code --switch} words,
 * so that the bench depends on no part of the product's CLI. A word is a flag only where a flag may
 * stand: the word after a value flag is its value, never a switch. Anything undeclared, a missing
 * value or a flag given twice is a {@link BenchUsageException} naming the flag.
 */
final class BenchArgs {
  private final Map<String, String> values = new LinkedHashMap<>();
  private final Set<String> switches = new HashSet<>();

  private BenchArgs() {}

  /**
   * Parses the words after {@code bench}.
   *
   * @param words the command line
   * @param valueFlags flags that take a value, e.g. {@code --runs}
   * @param switchFlags flags that take none, e.g. {@code --profile}
   */
  static BenchArgs parse(List<String> words, Set<String> valueFlags, Set<String> switchFlags) {
    BenchArgs args = new BenchArgs();
    for (int index = 0; index < words.size(); index++) {
      String word = words.get(index);
      String flag = word;
      String inline = null;
      int equals = word.indexOf('=');
      if (word.startsWith("--") && equals > 0) {
        flag = word.substring(0, equals);
        inline = word.substring(equals + 1);
      }
      if (switchFlags.contains(flag) && inline == null) {
        args.switches.add(flag);
      } else if (valueFlags.contains(flag)) {
        String value = inline;
        if (value == null) {
          if (index + 1 >= words.size() || words.get(index + 1).startsWith("--")) {
            throw new BenchUsageException(flag + " needs a value");
          }
          value = words.get(++index);
        }
        if (args.values.put(flag, value) != null) {
          throw new BenchUsageException(flag + " is given twice");
        }
      } else if (flag.startsWith("-")) {
        throw new BenchUsageException("unknown flag " + flag + " (see --help)");
      } else {
        throw new BenchUsageException("unexpected argument '" + word + "' (see --help)");
      }
    }
    return args;
  }

  boolean has(String switchFlag) {
    return switches.contains(switchFlag);
  }

  Optional<String> value(String flag) {
    return Optional.ofNullable(values.get(flag));
  }

  int intValue(String flag, int defaultValue, int min, int max) {
    Optional<String> text = value(flag);
    if (text.isEmpty()) {
      return defaultValue;
    }
    int parsed;
    try {
      parsed = Integer.parseInt(text.get().trim());
    } catch (NumberFormatException e) {
      throw new BenchUsageException(flag + " must be a whole number, not '" + text.get() + "'");
    }
    if (parsed < min || parsed > max) {
      throw new BenchUsageException(
          flag + " must be between " + min + " and " + max + ", not " + parsed);
    }
    return parsed;
  }

  double doubleValue(String flag, double defaultValue, double min, double max) {
    Optional<String> text = value(flag);
    if (text.isEmpty()) {
      return defaultValue;
    }
    double parsed;
    try {
      parsed = Double.parseDouble(text.get().trim());
    } catch (NumberFormatException e) {
      throw new BenchUsageException(flag + " must be a number, not '" + text.get() + "'");
    }
    if (!(parsed >= min && parsed <= max)) {
      throw new BenchUsageException(
          flag + " must be between " + min + " and " + max + ", not " + parsed);
    }
    return parsed;
  }

  /** A comma-separated list, e.g. {@code --participants BT01,BT02}; empty when absent. */
  List<String> listValue(String flag) {
    Optional<String> text = value(flag);
    if (text.isEmpty()) {
      return List.of();
    }
    List<String> items = new ArrayList<>();
    for (String item : text.get().split(",")) {
      if (!item.isBlank()) {
        items.add(item.trim());
      }
    }
    if (items.isEmpty()) {
      throw new BenchUsageException(flag + " must list at least one value");
    }
    return List.copyOf(items);
  }
}
