package io.macexo.exoetl.oracle;

import static org.apache.spark.sql.functions.col;

import io.macexo.exoetl.config.OutputSettings;
import io.macexo.exoetl.model.OutputColumns;
import io.macexo.exoetl.model.OutputLayout;
import io.macexo.exoetl.model.Selection;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * The oracle's write: accepted trials as Parquet into a staging folder, one sub-folder and one file
 * per participant, trials sorted by name, through Spark's DataFrame writer. {@link ParticipantSwap}
 * then moves each participant folder into {@code data/}. (The per-trial engine writes the same
 * layout from its tasks with {@link ParticipantFileWriter}.)
 *
 * <p>Spark's partitionBy drops the partition column from the files, but the Hub's {@code datasets}
 * library does not read Hive folder names, so the rows carry {@code participant} as a real column
 * and the folders are keyed by a copy of it ({@code subject}, see {@link OutputLayout#FOLDER_KEY}).
 * One shuffle (repartition by participant) of the finished arrays, whose rows arrive hashed by
 * trial. Tuned by {@code exo-etl.output.*}: codec, row-group bytes (a few dozen trials a group, for
 * the Hub's viewer) and dictionary encoding (off: dictionaries of float arrays cost 75x the write
 * time and save nothing).
 */
final class DataWriter {
  /**
   * Folder key in staging, the key of the folders under {@code data/} ({@code subject=BT01}), so
   * the swap moves a staged folder under its own name.
   */
  static final String STAGING_KEY = OutputLayout.FOLDER_KEY;

  private DataWriter() {}

  /** Writes accepted trials, one task and one file per participant. */
  static void write(
      Dataset<Row> accepted, String stagingUri, OutputSettings settings, Selection selection) {
    accepted
        .select(
            OutputColumns.dataset(selection).stream()
                .map(name -> col(name))
                .toArray(org.apache.spark.sql.Column[]::new))
        .withColumn(STAGING_KEY, col(OutputColumns.PARTICIPANT))
        .repartition(col(STAGING_KEY))
        .sortWithinPartitions(STAGING_KEY, OutputColumns.TRIAL_NAME)
        .write()
        .mode(SaveMode.ErrorIfExists)
        .option("compression", settings.compression())
        .option("parquet.block.size", Long.toString(settings.rowGroupBytes()))
        .option("parquet.enable.dictionary", Boolean.toString(settings.parquetDictionary()))
        .partitionBy(STAGING_KEY)
        .parquet(stagingUri);
  }
}
