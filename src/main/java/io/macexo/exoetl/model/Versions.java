package io.macexo.exoetl.model;

/** Versions recorded in metadata.json, read from the jar manifest and Spark itself. */
public final class Versions {
  private Versions() {}

  public static String exoEtl() {
    String version = Versions.class.getPackage().getImplementationVersion();
    return version == null ? "0.1.0-dev" : version;
  }

  public static String spark() {
    return org.apache.spark.package$.MODULE$.SPARK_VERSION();
  }
}
