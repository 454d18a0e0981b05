package io.macexo.exoetl.write;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.CapacityByteArrayOutputStream;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.values.ValuesWriter;
import org.apache.parquet.column.values.factory.DefaultValuesWriterFactory;
import org.apache.parquet.column.values.factory.ValuesWriterFactory;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * PLAIN encoding of float columns, byte for byte what parquet-mr's {@code PlainValuesWriter} writes
 * (four little-endian bytes a value), but eight kilobytes at a time.
 *
 * <p>Why: parquet-mr writes a float as four single-byte writes into its page buffer, and with 76
 * million floats in the benchmark corpus those byte writes were the largest single item of the
 * job's profile (see docs/performance.md). Here values go into a small array with one VarHandle
 * store each and reach the page buffer in bulk copies.
 */
final class PlainFloatWriter extends ValuesWriter {
  private static final VarHandle LITTLE_ENDIAN_INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final int CHUNK_BYTES = 8192;

  private final CapacityByteArrayOutputStream page;
  private final byte[] chunk = new byte[CHUNK_BYTES];
  private int chunkLength;

  PlainFloatWriter(ParquetProperties properties) {
    this.page =
        new CapacityByteArrayOutputStream(
            properties.getInitialSlabSize(),
            properties.getPageSizeThreshold(),
            properties.getAllocator());
  }

  /**
   * A factory giving this writer to float columns and parquet-mr's default writers to the rest; for
   * files without dictionary encoding only (a dictionary writer wraps the plain one).
   */
  static ValuesWriterFactory factory() {
    return new ValuesWriterFactory() {
      private final DefaultValuesWriterFactory defaults = new DefaultValuesWriterFactory();
      private ParquetProperties properties;

      @Override
      public void initialize(ParquetProperties parquetProperties) {
        this.properties = parquetProperties;
        defaults.initialize(parquetProperties);
      }

      @Override
      public ValuesWriter newValuesWriter(ColumnDescriptor descriptor) {
        boolean plainFloat =
            descriptor.getPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.FLOAT
                && !properties.isDictionaryEnabled(descriptor)
                && !properties.isByteStreamSplitEnabled(descriptor);
        return plainFloat ? new PlainFloatWriter(properties) : defaults.newValuesWriter(descriptor);
      }
    };
  }

  @Override
  public void writeFloat(float value) {
    if (chunkLength == CHUNK_BYTES) {
      drain();
    }
    LITTLE_ENDIAN_INT.set(chunk, chunkLength, Float.floatToRawIntBits(value));
    chunkLength += Float.BYTES;
  }

  private void drain() {
    page.write(chunk, 0, chunkLength);
    chunkLength = 0;
  }

  @Override
  public long getBufferedSize() {
    return page.size() + chunkLength;
  }

  @Override
  public BytesInput getBytes() {
    drain();
    return BytesInput.from(page);
  }

  @Override
  public Encoding getEncoding() {
    return Encoding.PLAIN;
  }

  @Override
  public void reset() {
    page.reset();
    chunkLength = 0;
  }

  @Override
  public void close() {
    page.close();
  }

  @Override
  public long getAllocatedSize() {
    return page.getCapacity() + CHUNK_BYTES;
  }

  @Override
  public String memUsageString(String prefix) {
    return page.memUsageString(prefix + " PLAIN float");
  }
}
