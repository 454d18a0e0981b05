package io.macexo.exoetl.config;

import java.util.Map;

/** How the job starts Spark when it is not given a session by spark-submit. */
public record SparkSettings(
    String master, String appName, int shufflePartitions, Map<String, String> conf)
    implements java.io.Serializable {
  public SparkSettings {
    if (shufflePartitions < 0) {
      throw new ConfigException(
          "exo-etl.spark.shuffle-partitions",
          "must be 0 (automatic) or more, not " + shufflePartitions);
    }
    conf = Map.copyOf(conf);
  }
}
