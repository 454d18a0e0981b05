package io.macexo.exoetl.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a Phase1 trial folder name says, read by its grammar {@code
 * <task>_<session>[_<repeat>][_<descriptor>]_<on|off>}: the task family, whether the exo was
 * powered, and the descriptor (a speed such as {@code 1-2} for 1.2 m/s, or a word such as {@code
 * vertical}, {@code down}, {@code 25lbs-l-c}). Feeds the {@code trials} table users filter on
 * before they download. Names outside the grammar give what can be read and empty for the rest;
 * they are never an error, because a trial's name is data, not a contract.
 *
 * @param family the task family ({@link TaskFamily#of}), {@link TaskFamily#OTHER} when unknown
 * @param exoPower {@code on} (powered) or {@code off} (worn, unpowered); empty when the name ends
 *     in neither
 * @param descriptor the descriptor part, empty when the name has none
 * @param speedMetersPerSecond the descriptor read as a speed ({@code 0-6} is 0.6 m/s), when it is
 *     one
 */
public record TrialNameParts(
    String family,
    Optional<String> exoPower,
    Optional<String> descriptor,
    Optional<Double> speedMetersPerSecond) {
  /** A hyphen stands for the decimal point in speeds: {@code 1-2} is 1.2 m/s. */
  private static final Pattern SPEED = Pattern.compile("\\d+-\\d+");

  private static final Pattern NUMBER = Pattern.compile("\\d+");

  public static TrialNameParts of(String trialName) {
    String family = TaskFamily.of(trialName);
    List<String> rest = new ArrayList<>(Arrays.asList(afterFamily(trialName, family).split("_")));
    rest.removeIf(String::isEmpty);
    Optional<String> power = Optional.empty();
    if (!rest.isEmpty() && isPower(rest.get(rest.size() - 1))) {
      power = Optional.of(rest.remove(rest.size() - 1));
    }
    // The session and the optional repeat are the leading numbers.
    for (int numbers = 0; numbers < 2 && !rest.isEmpty(); numbers++) {
      if (!NUMBER.matcher(rest.get(0)).matches()) {
        break;
      }
      rest.remove(0);
    }
    Optional<String> descriptor =
        rest.isEmpty() ? Optional.empty() : Optional.of(String.join("_", rest));
    Optional<Double> speed =
        descriptor
            .filter(text -> SPEED.matcher(text).matches())
            .map(text -> Double.parseDouble(text.replace('-', '.')));
    return new TrialNameParts(family, power, descriptor, speed);
  }

  private static boolean isPower(String token) {
    return token.equals("on") || token.equals("off");
  }

  private static String afterFamily(String trialName, String family) {
    if (family.equals(TaskFamily.OTHER)) {
      int underscore = trialName.indexOf('_');
      return underscore < 0 ? "" : trialName.substring(underscore + 1);
    }
    return trialName.length() > family.length() ? trialName.substring(family.length() + 1) : "";
  }
}
