package io.macexo.exoetl.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A small parser for {@code --flag value} and {@code --switch} arguments. Commands declare which
 * flags they take; anything else is a {@link UsageException} naming the flag. Only {@code bench}
 * still uses it (every other command is parsed by picocli); it goes with bench.
 */
public final class Args {
  private final Map<String, String> values = new LinkedHashMap<>();
  private final Set<String> switches = new HashSet<>();

  private Args() {}

  /**
   * Parses arguments.
   *
   * @param raw the arguments after the subcommand
   * @param valueFlags flags that take a value, e.g. {@code --output}
   * @param switchFlags flags that take none, e.g. {@code --defects}
   */
  public static Args parse(List<String> raw, Set<String> valueFlags, Set<String> switchFlags) {
    Args args = new Args();
    for (int i = 0; i < raw.size(); i++) {
      String word = raw.get(i);
      String flag = word;
      String inline = null;
      int eq = word.indexOf('=');
      if (word.startsWith("--") && eq > 0) {
        flag = word.substring(0, eq);
        inline = word.substring(eq + 1);
      }
      if (switchFlags.contains(flag) && inline == null) {
        args.switches.add(flag);
      } else if (valueFlags.contains(flag)) {
        String value = inline;
        if (value == null) {
          if (i + 1 >= raw.size() || raw.get(i + 1).startsWith("--")) {
            throw new UsageException(flag + " needs a value");
          }
          value = raw.get(++i);
        }
        if (args.values.put(flag, value) != null) {
          throw new UsageException(flag + " is given twice");
        }
      } else if (flag.startsWith("-")) {
        throw new UsageException("unknown flag " + flag + " (see --help)");
      } else {
        throw new UsageException("unexpected argument '" + word + "' (see --help)");
      }
    }
    return args;
  }

  public boolean has(String switchFlag) {
    return switches.contains(switchFlag);
  }

  public Optional<String> value(String flag) {
    return Optional.ofNullable(values.get(flag));
  }

  public String required(String flag) {
    return value(flag).orElseThrow(() -> new UsageException(flag + " is required"));
  }

  public int intValue(String flag, int defaultValue, int min, int max) {
    Optional<String> text = value(flag);
    if (text.isEmpty()) {
      return defaultValue;
    }
    try {
      int parsed = Integer.parseInt(text.get().trim());
      if (parsed < min || parsed > max) {
        throw new UsageException(
            flag + " must be between " + min + " and " + max + ", not " + parsed);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new UsageException(flag + " must be a whole number, not '" + text.get() + "'");
    }
  }

  public long longValue(String flag, long defaultValue) {
    Optional<String> text = value(flag);
    if (text.isEmpty()) {
      return defaultValue;
    }
    try {
      return Long.parseLong(text.get().trim());
    } catch (NumberFormatException e) {
      throw new UsageException(flag + " must be a whole number, not '" + text.get() + "'");
    }
  }

  public double doubleValue(String flag, double defaultValue, double min, double max) {
    Optional<String> text = value(flag);
    if (text.isEmpty()) {
      return defaultValue;
    }
    try {
      double parsed = Double.parseDouble(text.get().trim());
      if (!(parsed >= min && parsed <= max)) {
        throw new UsageException(
            flag + " must be between " + min + " and " + max + ", not " + parsed);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new UsageException(flag + " must be a number, not '" + text.get() + "'");
    }
  }

  /** A comma-separated list, e.g. {@code --participants BT01,BT02}; empty when absent. */
  public List<String> listValue(String flag) {
    Optional<String> text = value(flag);
    if (text.isEmpty()) {
      return List.of();
    }
    List<String> items = new ArrayList<>();
    for (String item : Arrays.asList(text.get().split(","))) {
      if (!item.isBlank()) {
        items.add(item.trim());
      }
    }
    if (items.isEmpty()) {
      throw new UsageException(flag + " must list at least one value");
    }
    return List.copyOf(items);
  }
}
