package io.macexo.exoetl.write;

import io.macexo.exoetl.config.OutputSettings;
import java.io.Serializable;
import org.apache.spark.sql.types.StructType;

/**
 * What every data file of a run is: its Spark schema (the selection's columns), the Parquet
 * settings, and the Spark version its footer names, as Spark's own writer would write it. Sent to
 * the executors that write the files.
 */
public record DataFileSpec(StructType schema, OutputSettings settings, String sparkVersion)
    implements Serializable {}
