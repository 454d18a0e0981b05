package io.macexo.exoetl.config;

import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Participant splits shared by the dataset and the training code. An empty train list means "every
 * participant not in val or test".
 */
public record Splits(List<String> train, List<String> val, List<String> test)
    implements Serializable {
  public Splits {
    train = List.copyOf(train);
    val = List.copyOf(val);
    test = List.copyOf(test);
    Set<String> seen = new HashSet<>();
    for (List<String> list : List.of(train, val, test)) {
      for (String participant : list) {
        if (!seen.add(participant)) {
          throw new ConfigException("exo-etl.splits", "puts " + participant + " in two splits");
        }
      }
    }
  }
}
