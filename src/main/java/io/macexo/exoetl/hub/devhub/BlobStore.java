package io.macexo.exoetl.hub.devhub;

import io.macexo.exoetl.hub.GitOids;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * Content-addressed storage on disk: {@code blobs/ab/<sha256>} for every file's bytes (LFS objects
 * and regular files alike), {@code parts/<oid>/<n>} for multipart uploads in progress. A blob is
 * written to a temporary file while its SHA-256 is computed, and moved into place only when size
 * and digest match what the uploader announced, so a half-sent or wrong upload never becomes an
 * object. Safe for concurrent uploads (atomic moves; same content, same name).
 */
final class BlobStore {
  private static final int BUFFER = 1 << 20;
  private final Path blobs;
  private final Path parts;
  private final Path tmp;

  BlobStore(Path root) {
    this.blobs = root.resolve("blobs");
    this.parts = root.resolve("parts");
    this.tmp = root.resolve("tmp");
    try {
      Files.createDirectories(blobs);
      Files.createDirectories(parts);
      Files.createDirectories(tmp);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the dev-hub storage under " + root, e);
    }
  }

  /** True when the object is stored with exactly this size. */
  boolean has(String sha256, long size) {
    Path path = path(sha256);
    try {
      return Files.isRegularFile(path) && Files.size(path) == size;
    } catch (IOException e) {
      return false;
    }
  }

  /** Where an object's bytes are. */
  Path path(String sha256) {
    if (!GitOids.isSha256(sha256)) {
      throw DevHubError.badRequest("Invalid object id: " + sha256);
    }
    return blobs.resolve(sha256.substring(0, 2)).resolve(sha256);
  }

  /** Stores bytes held in memory (inline commit files); returns their SHA-256. */
  String put(byte[] content) {
    String sha256 = GitOids.sha256(content);
    put(new java.io.ByteArrayInputStream(content), content.length, sha256);
    return sha256;
  }

  /**
   * Streams an upload into the store.
   *
   * @throws DevHubError 400 when the bytes are not {@code size} long or do not hash to {@code
   *     sha256}
   */
  void put(InputStream in, long size, String sha256) {
    Path target = path(sha256);
    Path temp = tmp.resolve(UUID.randomUUID().toString());
    try {
      MessageDigest digest = GitOids.digest("SHA-256");
      long written = copy(in, temp, digest);
      String actual = GitOids.hex(digest.digest());
      if (written != size || !actual.equals(sha256)) {
        throw DevHubError.badRequest(
            "Upload refused: got "
                + written
                + " bytes with sha256 "
                + actual
                + ", expected "
                + size
                + " bytes with sha256 "
                + sha256);
      }
      Files.createDirectories(target.getParent());
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteQuietly(temp);
    }
  }

  /** Stores one part of a multipart upload; returns its ETag (quoted MD5 hex, as S3 does). */
  String putPart(String oid, int number, InputStream in, long expectedLength) {
    Path folder = parts.resolve(path(oid).getFileName());
    Path temp = tmp.resolve(UUID.randomUUID().toString());
    try {
      Files.createDirectories(folder);
      MessageDigest md5 = GitOids.digest("MD5");
      long written = copy(in, temp, md5);
      if (written != expectedLength) {
        throw DevHubError.badRequest(
            "Part "
                + number
                + " of "
                + oid
                + " refused: got "
                + written
                + " bytes, expected "
                + expectedLength);
      }
      String etag = "\"" + GitOids.hex(md5.digest()) + "\"";
      Files.move(
          temp,
          folder.resolve(number + "-" + etag.replace("\"", "")),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      return etag;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteQuietly(temp);
    }
  }

  /**
   * Joins the parts named by the completion request into the object, checking every ETag, then the
   * size and digest of the whole.
   */
  void completeMultipart(String oid, long size, List<String> etagsInOrder) {
    Path folder = parts.resolve(path(oid).getFileName());
    List<InputStream> streams = new ArrayList<>();
    try {
      for (int number = 1; number <= etagsInOrder.size(); number++) {
        Path part = folder.resolve(number + "-" + etagsInOrder.get(number - 1).replace("\"", ""));
        if (!Files.isRegularFile(part)) {
          throw DevHubError.badRequest(
              "Cannot complete "
                  + oid
                  + ": part "
                  + number
                  + " with ETag "
                  + etagsInOrder.get(number - 1)
                  + " was never uploaded");
        }
        streams.add(Files.newInputStream(part));
      }
      try (InputStream joined = new SequenceInputStream(Collections.enumeration(streams))) {
        put(joined, size, oid);
      }
      deleteTree(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long copy(InputStream in, Path target, MessageDigest digest) throws IOException {
    long written = 0;
    byte[] buffer = new byte[BUFFER];
    try (OutputStream out = Files.newOutputStream(target)) {
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        digest.update(buffer, 0, read);
        out.write(buffer, 0, read);
        written += read;
      }
    }
    return written;
  }

  private static void deleteTree(Path folder) throws IOException {
    try (var files = Files.list(folder)) {
      for (Path file : files.toList()) {
        Files.deleteIfExists(file);
      }
    }
    Files.deleteIfExists(folder);
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // A leftover temporary file is harmless; the next upload uses a new name.
    }
  }
}
