package io.macexo.exoetl.config;

import io.macexo.exoetl.model.Selection;
import java.io.Serializable;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The whole typed configuration of a run. Built only by {@link ConfigLoader}; every other class
 * receives these values and never reads Typesafe Config itself.
 */
public record EtlConfig(
    int samplingRateHz,
    NanPolicy nanPolicy,
    Selection selection,
    Map<String, Double> massesKg,
    OutputSettings output,
    SparkSettings spark,
    Splits splits,
    java.time.Duration lockStaleAfter)
    implements Serializable {
  public EtlConfig {
    if (samplingRateHz <= 0 || samplingRateHz > 100_000) {
      throw new ConfigException(
          "exo-etl.sampling-rate-hz", "must be between 1 and 100000, not " + samplingRateHz);
    }
    massesKg.forEach(
        (participant, mass) -> {
          if (!(mass > 0 && mass < 500)) {
            throw new ConfigException(
                "exo-etl.participants." + participant, "must be a mass in kg (0-500), not " + mass);
          }
        });
    massesKg = java.util.Collections.unmodifiableMap(new TreeMap<>(massesKg));
    if (lockStaleAfter.isNegative() || lockStaleAfter.isZero()) {
      throw new ConfigException(
          "exo-etl.lock.stale-after", "must be positive, not " + lockStaleAfter);
    }
  }

  /** The body mass of a participant, if configured. */
  public Optional<Double> massOf(String participant) {
    return Optional.ofNullable(massesKg.get(participant));
  }

  /** A copy with another NaN policy (the --nan-policy flag). */
  public EtlConfig withNanPolicy(NanPolicy policy) {
    return new EtlConfig(
        samplingRateHz, policy, selection, massesKg, output, spark, splits, lockStaleAfter);
  }
}
