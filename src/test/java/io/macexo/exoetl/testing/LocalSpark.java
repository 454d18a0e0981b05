package io.macexo.exoetl.testing;

import org.apache.spark.sql.SparkSession;

/**
 * The one local Spark session a test class shares: two cores, few shuffle partitions, no UI, bound
 * to loopback. Start it in {@code @BeforeAll} and stop it in {@code @AfterAll}.
 */
public final class LocalSpark {
  private LocalSpark() {}

  public static SparkSession start(String testClass) {
    return SparkSession.builder()
        .appName("exo-etl-test-" + testClass)
        .master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.default.parallelism", "4")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate();
  }
}
