package io.macexo.exoetl.testing;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The local disk under the {@code faulty:} scheme, with failures a test asks for by file name: a
 * permission error on open (which {@code chmod} cannot give a test that runs as root) or an I/O
 * error after N bytes (a disk or network share failing mid-read). Register it with {@link
 * #SETTING}; prepare hands every {@code fs.*} setting to its executors, so tasks open files through
 * it as the driver does.
 */
public final class FaultyFileSystem extends RawLocalFileSystem {
  public static final String SCHEME = "faulty";

  /** The Hadoop setting that makes {@code faulty:} paths open through this class. */
  public static final Map.Entry<String, String> SETTING =
      Map.entry("fs." + SCHEME + ".impl", FaultyFileSystem.class.getName());

  private static final URI ROOT = URI.create(SCHEME + ":///");

  /** File name → what goes wrong; static, because Hadoop builds the file system itself. */
  private static final Map<String, Fault> FAULTS = new ConcurrentHashMap<>();

  /** What goes wrong with one file. */
  public sealed interface Fault {}

  /** Opening it fails as a file without read permission does. */
  public record Denied() implements Fault {}

  /** Reading fails after {@code bytes} bytes. */
  public record FailsAfter(long bytes) implements Fault {}

  /** Makes opening {@code fileName} fail with a permission error. */
  public static void deny(String fileName) {
    FAULTS.put(fileName, new Denied());
  }

  /** Makes reading {@code fileName} fail after {@code bytes} bytes. */
  public static void failAfter(String fileName, long bytes) {
    FAULTS.put(fileName, new FailsAfter(bytes));
  }

  /** Forgets every fault. */
  public static void clear() {
    FAULTS.clear();
  }

  /** A {@code faulty:} path for a local one. */
  public static String uriOf(java.nio.file.Path local) {
    return SCHEME + "://" + local.toAbsolutePath();
  }

  @Override
  public URI getUri() {
    return ROOT;
  }

  @Override
  public String getScheme() {
    return SCHEME;
  }

  /** A denied folder cannot be listed, as {@code chmod 000} makes it for anyone but root. */
  @Override
  public org.apache.hadoop.fs.FileStatus[] listStatus(Path folder) throws IOException {
    if (FAULTS.get(folder.getName()) instanceof Denied) {
      throw new org.apache.hadoop.fs.PathPermissionException(folder.toUri().getPath());
    }
    return super.listStatus(folder);
  }

  @Override
  public FSDataInputStream open(Path file, int bufferSize) throws IOException {
    Fault fault = FAULTS.get(file.getName());
    if (fault instanceof Denied) {
      // As the local file system words it for a file the user may not read.
      throw new FileNotFoundException(file.toUri().getPath() + " (Permission denied)");
    }
    FSDataInputStream real = super.open(file, bufferSize);
    if (fault instanceof FailsAfter after) {
      return new FSDataInputStream(new Failing(real, after.bytes()));
    }
    return real;
  }

  /** A stream that gives {@code limit} bytes, then an I/O error. */
  private static final class Failing extends FSInputStream {
    private final FSDataInputStream in;
    private final long limit;

    Failing(FSDataInputStream in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      check(1);
      return in.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      check(1);
      int allowed = (int) Math.min(length, limit - in.getPos());
      return in.read(buffer, offset, allowed);
    }

    private void check(int wanted) throws IOException {
      if (in.getPos() + wanted > limit) {
        throw new IOException("Input/output error after " + limit + " bytes");
      }
    }

    @Override
    public void seek(long position) throws IOException {
      in.seek(position);
    }

    @Override
    public long getPos() throws IOException {
      return in.getPos();
    }

    @Override
    public boolean seekToNewSource(long target) {
      return false;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
