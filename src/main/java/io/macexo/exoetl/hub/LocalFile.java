package io.macexo.exoetl.hub;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * One file of the output to publish, with what the Hub needs to decide about it: size, SHA-256 (the
 * LFS object id), the Git blob id when it may go in as a regular file, and the first 512 bytes (the
 * preupload "sample"). The bytes stay where they are; {@link #source()} reopens them for an upload.
 */
public record LocalFile(
    String path, long size, String sha256, String gitBlobId, byte[] sample, ByteSource source) {
  /** Bytes of the preupload sample. */
  public static final int SAMPLE_BYTES = 512;

  private static final int BUFFER = 1 << 20;

  public LocalFile {
    RepoPaths.requireValid(path);
    if (!GitOids.isSha256(sha256) || size < 0 || source == null) {
      throw new IllegalArgumentException(
          "Cannot describe local file " + path + ": bad digest or size");
    }
    sample = sample.clone();
  }

  /**
   * Reopens a file's bytes from an offset: the Hadoop file system in production, memory in tests.
   */
  @FunctionalInterface
  public interface ByteSource {
    InputStream open(long offset) throws IOException;
  }

  /**
   * Reads a file once, streaming, to compute its digests and sample.
   *
   * @param withGitId also compute the Git blob id (only files that may be committed inline need it)
   */
  public static LocalFile hash(String path, long size, ByteSource source, boolean withGitId)
      throws IOException {
    MessageDigest sha256 = GitOids.digest("SHA-256");
    MessageDigest sha1 = withGitId ? GitOids.blobDigest(size) : null;
    byte[] sample = new byte[(int) Math.min(SAMPLE_BYTES, size)];
    long total = 0;
    try (InputStream in = source.open(0)) {
      byte[] buffer = new byte[BUFFER];
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        if (total < sample.length) {
          System.arraycopy(
              buffer, 0, sample, (int) total, (int) Math.min(read, sample.length - total));
        }
        sha256.update(buffer, 0, read);
        if (sha1 != null) {
          sha1.update(buffer, 0, read);
        }
        total += read;
      }
    }
    if (total != size) {
      throw new IOException(
          path + " changed while it was read: " + total + " bytes, expected " + size);
    }
    String gitId = sha1 == null ? null : GitOids.hex(sha1.digest());
    return new LocalFile(path, size, GitOids.hex(sha256.digest()), gitId, sample, source);
  }

  /** A file held in memory (a dataset card rendered on the fly). */
  public static LocalFile inMemory(String path, byte[] content) {
    byte[] copy = content.clone();
    try {
      return hash(path, copy.length, offset -> in(copy, offset), true);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read memory", e);
    }
  }

  /** All the bytes (for a small file committed inline). */
  public byte[] readAll() throws IOException {
    try (InputStream in = source.open(0)) {
      return in.readAllBytes();
    }
  }

  @Override
  public byte[] sample() {
    return sample.clone();
  }

  private static InputStream in(byte[] content, long offset) {
    ByteArrayInputStream in = new ByteArrayInputStream(content);
    in.skip(offset);
    return in;
  }
}
