package io.macexo.exoetl.config;

import java.io.Serializable;
import java.util.Set;

/** Parquet writer settings for data/ and rejects/. */
public record OutputSettings(String compression, long rowGroupBytes, boolean parquetDictionary)
    implements Serializable {
  private static final Set<String> CODECS = Set.of("zstd", "snappy", "gzip", "uncompressed");

  public OutputSettings {
    if (!CODECS.contains(compression)) {
      throw new ConfigException(
          "exo-etl.output.compression",
          "must be one of zstd, snappy, gzip, uncompressed, not '" + compression + "'");
    }
    if (rowGroupBytes < 1024 * 1024) {
      throw new ConfigException(
          "exo-etl.output.row-group-bytes", "must be at least 1048576, not " + rowGroupBytes);
    }
  }
}
