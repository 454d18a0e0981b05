package io.macexo.exoetl.testing;

import io.macexo.exoetl.model.OutputColumns;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What a prepare output holds, as sorted lines two outputs can be compared by: one line per data
 * row ({@code BT01/trial mass_kg=80.59 sequence_length=412 imu_features=412x24:1f2e…}) and one per
 * reject ({@code BT01/trial MISSING_FILE detail}). Every float of every array is in the digest bit
 * for bit (NaN included), so equal lines mean equal rows; the readable part says which trial
 * differs when they do not.
 *
 * <p>Reads with the given session (local paths or {@code s3a://}); collects to the driver, which is
 * fine for the few-MB outputs tests make.
 *
 * @param data one line per row of {@code data/}, sorted
 * @param rejects one line per row of {@code rejects/}, sorted
 */
public record OutputSnapshot(List<String> data, List<String> rejects) {
  private static final String[] MATRICES = {
    OutputColumns.IMU_FEATURES, OutputColumns.ANGLE_FEATURES, OutputColumns.MOMENT_TARGETS
  };

  /** Stands for a null element (there should be none), distinct from every float's bits. */
  private static final int NULL_BITS = 0x7fc00001;

  public OutputSnapshot {
    data = List.copyOf(data);
    rejects = List.copyOf(rejects);
  }

  /** Reads {@code <root>/data} and {@code <root>/rejects}. */
  public static OutputSnapshot read(SparkSession spark, String root) {
    return new OutputSnapshot(readData(spark, root + "/data"), rejectLines(spark, root));
  }

  /** The data lines of one participant. */
  public List<String> dataOf(String participant) {
    return data.stream().filter(line -> line.startsWith(participant + "/")).toList();
  }

  /** The data lines alone, of a {@code data/} folder (e.g. while its rejects are incomplete). */
  public static List<String> readData(SparkSession spark, String dataUri) {
    List<String> lines = new ArrayList<>();
    for (Row row : spark.read().parquet(dataUri).collectAsList()) {
      StringBuilder line =
          new StringBuilder()
              .append(row.<String>getAs(OutputColumns.PARTICIPANT))
              .append('/')
              .append(row.<String>getAs(OutputColumns.TRIAL_NAME))
              .append(" mass_kg=")
              .append(row.<Double>getAs(OutputColumns.MASS_KG))
              .append(" sequence_length=")
              .append(row.<Integer>getAs(OutputColumns.SEQUENCE_LENGTH));
      for (String column : MATRICES) {
        line.append(' ').append(column).append('=').append(matrixDigest(row, column));
      }
      lines.add(line.toString());
    }
    return lines.stream().sorted().toList();
  }

  private static List<String> rejectLines(SparkSession spark, String root) {
    // Only the Parquet files: rejects/ also holds rejects.json for people.
    return spark.read().parquet(root + "/rejects/*.parquet").collectAsList().stream()
        .map(
            row ->
                row.<String>getAs(OutputColumns.PARTICIPANT)
                    + "/"
                    + row.<String>getAs(OutputColumns.TRIAL_NAME)
                    + " "
                    + row.<String>getAs(OutputColumns.REASON_CODE)
                    + " "
                    + row.<String>getAs(OutputColumns.DETAIL))
        .sorted()
        .toList();
  }

  /** {@code rows x columns:sha256} of the float bits, row by row. */
  private static String matrixDigest(Row row, String column) {
    MessageDigest digest = sha256();
    List<Object> rows = row.getList(row.fieldIndex(column));
    int width = -1;
    ByteBuffer bits = ByteBuffer.allocate(Float.BYTES);
    for (Object inner : rows) {
      List<Float> values =
          scala.jdk.javaapi.CollectionConverters.asJava((scala.collection.Seq<Float>) inner);
      width = values.size();
      for (Float value : values) {
        bits.clear();
        bits.putInt(value == null ? NULL_BITS : Float.floatToIntBits(value));
        digest.update(bits.array());
      }
      // A row separator, so [[1,2],[3]] and [[1],[2,3]] differ.
      digest.update((byte) '|');
    }
    return rows.size() + "x" + width + ":" + HexFormat.of().formatHex(digest.digest(), 0, 12);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
