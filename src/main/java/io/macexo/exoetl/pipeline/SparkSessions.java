package io.macexo.exoetl.pipeline;

import io.macexo.exoetl.config.EtlConfig;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Starts (or joins) the Spark session for a command. Under spark-submit the master and resources
 * come from spark-submit; otherwise from {@code exo-etl.spark.master}. A local master binds to
 * loopback unless told otherwise, because the machine's host name may not resolve to a reachable
 * address.
 */
public final class SparkSessions {
  private SparkSessions() {}

  public static SparkSession start(EtlConfig config) {
    SparkSession.Builder builder = SparkSession.builder().appName(config.spark().appName());
    String master = System.getProperty("spark.master");
    if (master == null) {
      master = config.spark().master();
      builder.master(master);
    }
    if (master.startsWith("local") && System.getenv("SPARK_LOCAL_IP") == null) {
      builder
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1");
    }
    builder.config("spark.sql.session.timeZone", "UTC");
    for (Map.Entry<String, String> entry : config.spark().conf().entrySet()) {
      builder.config(entry.getKey(), entry.getValue());
    }
    SparkSession spark = builder.getOrCreate();
    int partitions = config.spark().shufflePartitions();
    if (partitions == 0) {
      partitions = Math.max(2, spark.sparkContext().defaultParallelism() * 2);
    }
    spark.conf().set("spark.sql.shuffle.partitions", partitions);
    return spark;
  }
}
