package io.macexo.exoetl.write;

import io.macexo.exoetl.config.OutputSettings;
import io.macexo.exoetl.model.Manifest;
import io.macexo.exoetl.model.OutputColumns;
import io.macexo.exoetl.model.OutputLayout;
import io.macexo.exoetl.model.Selection;
import io.macexo.exoetl.model.TrialNameParts;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.io.api.Binary;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Writes {@code trials/trials.parquet}: one small row per written trial (participant, name, task
 * family, exo on or off, descriptor and speed read from the name, mass, length, the NaN share of
 * each array column, and the data file that holds the trial). The dataset's own rows are several MB
 * each, which the Hub's viewer truncates; this table is what people browse and filter before they
 * download ({@code load_dataset(repo, "trials")}). Built from the merged manifest on the driver, so
 * it covers carried-over participants too, and written without a Spark job ({@link
 * ParquetFileSink}).
 */
public final class TrialsTableWriter {
  private final Selection selection;
  private final StructType schema;
  private final OutputSettings settings;
  private final String sparkVersion;

  public TrialsTableWriter(Selection selection, OutputSettings settings, String sparkVersion) {
    this.selection = selection;
    this.schema = schema(selection);
    this.settings = settings;
    this.sparkVersion = sparkVersion;
  }

  /** The table's Spark schema: the fixed columns, a NaN share per array column, the data file. */
  public static StructType schema(Selection selection) {
    StructType schema =
        new StructType()
            .add(OutputColumns.PARTICIPANT, DataTypes.StringType, false)
            .add(OutputColumns.TRIAL_NAME, DataTypes.StringType, false)
            .add(OutputColumns.TASK_FAMILY, DataTypes.StringType, false)
            .add(OutputColumns.EXO_POWER, DataTypes.StringType, true)
            .add(OutputColumns.DESCRIPTOR, DataTypes.StringType, true)
            .add(OutputColumns.SPEED_M_S, DataTypes.DoubleType, true)
            .add(OutputColumns.MASS_KG, DataTypes.DoubleType, false)
            .add(OutputColumns.SEQUENCE_LENGTH, DataTypes.IntegerType, false);
    for (String column : selection.columns()) {
      schema = schema.add(OutputColumns.nanShare(column), DataTypes.DoubleType, true);
    }
    return schema.add(OutputColumns.DATA_FILE, DataTypes.StringType, true);
  }

  /** Replaces the table with the written trials of {@code manifest}, sorted by participant. */
  public void write(FileSystem fs, OutputLayout layout, Manifest manifest) throws IOException {
    fs.delete(layout.trials(), false);
    try (ParquetFileSink sink =
        new ParquetFileSink(fs, layout.trials(), fs.getConf(), schema, settings, sparkVersion)) {
      for (Map.Entry<String, Manifest.ParticipantEntry> entry :
          manifest.participants().entrySet()) {
        for (Manifest.TrialRecord trial : entry.getValue().trials()) {
          if (trial.written()) {
            row(sink, entry.getKey(), entry.getValue().massKg(), trial);
          }
        }
      }
    }
  }

  private void row(
      ParquetFileSink sink, String participant, double massKg, Manifest.TrialRecord trial) {
    TrialNameParts name = TrialNameParts.of(trial.trial());
    int column = 0;
    text(sink.column(column++), Optional.of(participant), false);
    text(sink.column(column++), Optional.of(trial.trial()), false);
    text(sink.column(column++), Optional.of(name.family()), false);
    text(sink.column(column++), name.exoPower(), true);
    text(sink.column(column++), name.descriptor(), true);
    number(sink.column(column++), name.speedMetersPerSecond());
    sink.column(column++).write(massKg, 0, 0);
    sink.column(column++).write(trial.sequenceLength(), 0, 0);
    List<Double> shares = trial.nanShares();
    for (int group = 0; group < selection.size(); group++) {
      number(
          sink.column(column++),
          group < shares.size() ? Optional.of(shares.get(group)) : Optional.empty());
    }
    text(sink.column(column), Optional.ofNullable(trial.dataFile()), true);
    sink.endRow();
  }

  /** A string, optional (definition level 1 when present) or required. */
  private static void text(ColumnWriter writer, Optional<String> value, boolean optional) {
    if (value.isPresent()) {
      writer.write(Binary.fromString(value.get()), 0, optional ? 1 : 0);
    } else {
      writer.writeNull(0, 0);
    }
  }

  /** An optional double. */
  private static void number(ColumnWriter writer, Optional<Double> value) {
    if (value.isPresent()) {
      writer.write(value.get(), 0, 1);
    } else {
      writer.writeNull(0, 0);
    }
  }
}
