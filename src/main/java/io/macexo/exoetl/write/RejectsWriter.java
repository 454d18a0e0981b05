package io.macexo.exoetl.write;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.macexo.exoetl.config.OutputSettings;
import io.macexo.exoetl.model.OutputColumns;
import io.macexo.exoetl.model.OutputLayout;
import io.macexo.exoetl.model.Reject;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.io.api.Binary;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Writes the rejects table twice: {@code rejects/*.parquet} for tools and {@code
 * rejects/rejects.json} for people. Rejects are summaries (a few hundred rows at most), so they are
 * written on the driver, without a Spark job ({@link ParquetFileSink}).
 */
public final class RejectsWriter {
  public static final StructType SCHEMA =
      new StructType()
          .add(OutputColumns.PARTICIPANT, DataTypes.StringType, false)
          .add(OutputColumns.TRIAL_NAME, DataTypes.StringType, false)
          .add(OutputColumns.REASON_CODE, DataTypes.StringType, false)
          .add(OutputColumns.DETAIL, DataTypes.StringType, false);

  private RejectsWriter() {}

  /** The Parquet copy's file name, without the codec's extension. */
  static final String PARQUET_NAME = "part-00000";

  public static void write(
      FileSystem fs,
      OutputLayout layout,
      List<Reject> rejects,
      OutputSettings settings,
      String sparkVersion)
      throws IOException {
    // Replaced whole, as Spark's overwrite mode did; an empty table is still a file with the
    // schema.
    fs.delete(layout.rejects(), true);
    Path parquet = new Path(layout.rejects(), PARQUET_NAME + ParquetFileSink.extension(settings));
    try (ParquetFileSink sink =
        new ParquetFileSink(fs, parquet, fs.getConf(), SCHEMA, settings, sparkVersion)) {
      for (Reject reject : rejects) {
        sink.column(0).write(Binary.fromString(reject.trial().participant()), 0, 0);
        sink.column(1).write(Binary.fromString(reject.trial().trial()), 0, 0);
        sink.column(2).write(Binary.fromString(reject.code().name()), 0, 0);
        sink.column(3).write(Binary.fromString(reject.detail()), 0, 0);
        sink.endRow();
      }
    }
    ObjectMapper mapper = new ObjectMapper();
    ArrayNode array = mapper.createArrayNode();
    for (Reject reject : rejects) {
      ObjectNode node = array.addObject();
      node.put(OutputColumns.PARTICIPANT, reject.trial().participant());
      node.put(OutputColumns.TRIAL_NAME, reject.trial().trial());
      node.put(OutputColumns.REASON_CODE, reject.code().name());
      node.put(OutputColumns.DETAIL, reject.detail());
    }
    try (OutputStream out = OutputFiles.create(fs, layout.rejectsJson())) {
      mapper.writerWithDefaultPrettyPrinter().writeValue(out, array);
    }
  }
}
