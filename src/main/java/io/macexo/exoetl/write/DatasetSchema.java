package io.macexo.exoetl.write;

import static io.macexo.exoetl.model.OutputColumns.ANGLE_FEATURES;
import static io.macexo.exoetl.model.OutputColumns.IMU_FEATURES;
import static io.macexo.exoetl.model.OutputColumns.MASS_KG;
import static io.macexo.exoetl.model.OutputColumns.MOMENT_TARGETS;
import static io.macexo.exoetl.model.OutputColumns.PARTICIPANT;
import static io.macexo.exoetl.model.OutputColumns.SEQUENCE_LENGTH;
import static io.macexo.exoetl.model.OutputColumns.TRIAL_NAME;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The Spark schema of the output dataset, in column order. */
public final class DatasetSchema {
  /** A (seq x width) matrix of float32; NaN is a value, never null. */
  public static final DataType MATRIX =
      DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.FloatType, true), true);

  public static final StructType SCHEMA =
      new StructType()
          .add(PARTICIPANT, DataTypes.StringType, false)
          .add(TRIAL_NAME, DataTypes.StringType, false)
          .add(MASS_KG, DataTypes.DoubleType, true)
          .add(SEQUENCE_LENGTH, DataTypes.IntegerType, false)
          .add(IMU_FEATURES, MATRIX, true)
          .add(ANGLE_FEATURES, MATRIX, true)
          .add(MOMENT_TARGETS, MATRIX, true);

  private DatasetSchema() {}
}
