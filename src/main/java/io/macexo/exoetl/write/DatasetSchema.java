package io.macexo.exoetl.write;

import io.macexo.exoetl.model.OutputColumns;
import io.macexo.exoetl.model.Selection;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The Spark schema of the output dataset, in column order: the four fixed columns, then one float
 * matrix per selection group.
 */
public final class DatasetSchema {
  /** A (seq x width) matrix of float32; NaN is a value, never null. */
  public static final DataType MATRIX =
      DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.FloatType, true), true);

  private DatasetSchema() {}

  public static StructType of(Selection selection) {
    StructType schema =
        new StructType()
            .add(OutputColumns.PARTICIPANT, DataTypes.StringType, false)
            .add(OutputColumns.TRIAL_NAME, DataTypes.StringType, false)
            .add(OutputColumns.MASS_KG, DataTypes.DoubleType, true)
            .add(OutputColumns.SEQUENCE_LENGTH, DataTypes.IntegerType, false);
    for (String column : selection.columns()) {
      schema = schema.add(column, MATRIX, true);
    }
    return schema;
  }
}
