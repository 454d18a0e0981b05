package io.macexo.exoetl.write;

import static org.apache.spark.sql.functions.col;

import io.macexo.exoetl.config.OutputSettings;
import io.macexo.exoetl.model.OutputColumns;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * Writes accepted trials as Parquet into a staging folder, one sub-folder and one file per
 * participant, trials sorted by name. {@link ParticipantSwap} then moves each participant folder
 * into {@code data/}.
 *
 * <p>Spark's partitionBy drops the partition column from the files, but the Hub's {@code datasets}
 * library does not read Hive folder names, so the rows carry {@code participant} as a real column
 * and the folders are keyed by a copy of it ({@value #STAGING_KEY}), renamed on the swap. One
 * shuffle (repartition by participant) of the finished arrays. Tuned by {@code exo-etl.output.*}:
 * codec, row-group bytes (a few dozen trials a group, for the Hub's viewer) and dictionary encoding
 * (off: dictionaries of float arrays cost 75x the write time and save nothing).
 */
public final class DataWriter {
  /** Folder key in staging, e.g. {@code participant_part=BT01}. */
  public static final String STAGING_KEY = "participant_part";

  private DataWriter() {}

  /**
   * Writes accepted trials.
   *
   * @param clusterByParticipant shuffle so that each participant is one task and one file (the
   *     DataFrame engine, whose rows arrive hashed by trial); false when rows already arrive
   *     grouped by participant (the per-trial engine)
   */
  public static void write(
      Dataset<Row> accepted,
      String stagingUri,
      OutputSettings settings,
      boolean clusterByParticipant) {
    Dataset<Row> rows =
        accepted
            .select(
                OutputColumns.DATASET.stream()
                    .map(name -> col(name))
                    .toArray(org.apache.spark.sql.Column[]::new))
            .withColumn(STAGING_KEY, col(OutputColumns.PARTICIPANT));
    if (clusterByParticipant) {
      rows = rows.repartition(col(STAGING_KEY));
    }
    rows.sortWithinPartitions(STAGING_KEY, OutputColumns.TRIAL_NAME)
        .write()
        .mode(SaveMode.ErrorIfExists)
        .option("compression", settings.compression())
        .option("parquet.block.size", Long.toString(settings.rowGroupBytes()))
        .option("parquet.enable.dictionary", Boolean.toString(settings.parquetDictionary()))
        .partitionBy(STAGING_KEY)
        .parquet(stagingUri);
  }
}
