package io.macexo.exoetl.write;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.macexo.exoetl.model.OutputColumns;
import io.macexo.exoetl.model.Reject;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Writes the rejects table twice: {@code rejects/*.parquet} for tools and {@code
 * rejects/rejects.json} for people. Rejects are summaries (a few hundred rows at most), so they are
 * built on the driver.
 */
public final class RejectsWriter {
  public static final StructType SCHEMA =
      new StructType()
          .add(OutputColumns.PARTICIPANT, DataTypes.StringType, false)
          .add(OutputColumns.TRIAL_NAME, DataTypes.StringType, false)
          .add(OutputColumns.REASON_CODE, DataTypes.StringType, false)
          .add(OutputColumns.DETAIL, DataTypes.StringType, false);

  private RejectsWriter() {}

  public static void write(
      SparkSession spark,
      FileSystem fs,
      OutputLayout layout,
      List<Reject> rejects,
      String compression)
      throws IOException {
    List<Row> rows = new ArrayList<>();
    for (Reject reject : rejects) {
      rows.add(
          RowFactory.create(
              reject.trial().participant(),
              reject.trial().trial(),
              reject.code().name(),
              reject.detail()));
    }
    spark
        .createDataFrame(rows, SCHEMA)
        .coalesce(1)
        .write()
        .mode(SaveMode.Overwrite)
        .option("compression", compression)
        .parquet(layout.rejects().toString());
    ObjectMapper mapper = new ObjectMapper();
    ArrayNode array = mapper.createArrayNode();
    for (Reject reject : rejects) {
      ObjectNode node = array.addObject();
      node.put(OutputColumns.PARTICIPANT, reject.trial().participant());
      node.put(OutputColumns.TRIAL_NAME, reject.trial().trial());
      node.put(OutputColumns.REASON_CODE, reject.code().name());
      node.put(OutputColumns.DETAIL, reject.detail());
    }
    OutputFiles.stripSideFiles(fs, layout.rejects());
    try (OutputStream out = OutputFiles.create(fs, layout.rejectsJson())) {
      mapper.writerWithDefaultPrettyPrinter().writeValue(out, array);
    }
  }
}
