package io.macexo.exoetl.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.parquet.schema.MessageType;
import org.apache.spark.sql.execution.datasources.parquet.ParquetToSparkSchemaConverter;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * One data file's own schema against the dataset's ({@code write/DatasetSchema}), on the driver
 * from the file's footer. The footer's Parquet schema is converted with Spark's own converter, so a
 * column has the type Spark would read; types are compared without nullability (the per-trial
 * engine writes required columns where Spark's writer writes optional ones). Columns beyond the
 * dataset's are allowed. Why each file on its own: Spark takes one file's schema for all and fails
 * later, in a task, on the others.
 */
final class SchemaAudit {
  private SchemaAudit() {}

  /** The file's schema problem, if it has one: every missing and mistyped column in one line. */
  static Optional<Problem> check(String file, MessageType footer, StructType expected) {
    StructType actual;
    try {
      actual = new ParquetToSparkSchemaConverter(SQLConf.get()).convert(footer);
    } catch (RuntimeException e) {
      // A type Spark has no mapping for (an INTERVAL annotation, say) lands here.
      return Optional.of(AuditMessages.unknownSchema(file, e));
    }
    List<String> missing = new ArrayList<>();
    List<String> mistyped = new ArrayList<>();
    for (StructField wanted : expected.fields()) {
      Optional<StructField> found =
          Arrays.stream(actual.fields()).filter(f -> f.name().equals(wanted.name())).findFirst();
      if (found.isEmpty()) {
        missing.add(wanted.name());
      } else if (!typeOf(found.get()).equals(typeOf(wanted))) {
        mistyped.add(AuditMessages.mistyped(wanted.name(), typeOf(found.get()), typeOf(wanted)));
      }
    }
    return missing.isEmpty() && mistyped.isEmpty()
        ? Optional.empty()
        : Optional.of(AuditMessages.foreignSchema(file, missing, mistyped));
  }

  /** A column's type as Spark prints it, without nullability: {@code array<array<float>>}. */
  private static String typeOf(StructField field) {
    return field.dataType().simpleString();
  }
}
