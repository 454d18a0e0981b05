package io.macexo.exoetl.write;

import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The Parquet message type Spark itself writes for a Spark schema: nullable fields are optional,
 * arrays use the standard three-level {@code LIST} layout ({@code list} / {@code element}), strings
 * are UTF-8 binaries, and the message is named {@code spark_schema}. Derived from the Spark schema
 * ({@link DatasetSchema}), so the direct writer and Spark's writer cannot drift apart (a test
 * compares it with Spark's own converter).
 */
public final class ParquetSchema {
  private static final String MESSAGE_NAME = "spark_schema";

  private ParquetSchema() {}

  public static MessageType of(StructType schema) {
    Types.MessageTypeBuilder message = Types.buildMessage();
    for (StructField field : schema.fields()) {
      message.addField(convert(field.name(), field.dataType(), field.nullable()));
    }
    return message.named(MESSAGE_NAME);
  }

  private static Type convert(String name, DataType type, boolean nullable) {
    Repetition repetition = nullable ? Repetition.OPTIONAL : Repetition.REQUIRED;
    if (type.equals(DataTypes.StringType)) {
      return Types.primitive(PrimitiveTypeName.BINARY, repetition)
          .as(LogicalTypeAnnotation.stringType())
          .named(name);
    }
    if (type.equals(DataTypes.IntegerType)) {
      return Types.primitive(PrimitiveTypeName.INT32, repetition).named(name);
    }
    if (type.equals(DataTypes.DoubleType)) {
      return Types.primitive(PrimitiveTypeName.DOUBLE, repetition).named(name);
    }
    if (type.equals(DataTypes.FloatType)) {
      return Types.primitive(PrimitiveTypeName.FLOAT, repetition).named(name);
    }
    if (type instanceof ArrayType array) {
      Type element = convert("element", array.elementType(), array.containsNull());
      GroupType list = Types.repeatedGroup().addField(element).named("list");
      return Types.buildGroup(repetition)
          .as(LogicalTypeAnnotation.listType())
          .addField(list)
          .named(name);
    }
    throw new IllegalArgumentException("No Parquet mapping for column " + name + " of " + type);
  }
}
