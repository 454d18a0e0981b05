package io.macexo.exoetl.hub;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The object ids Git and Git LFS give file contents. The Hub reports a regular file by its Git blob
 * id (SHA-1 of {@code "blob " + size + "\0" + bytes}) and an LFS file by the SHA-256 of its bytes,
 * with the Git blob id of its pointer file as {@code oid}.
 */
public final class GitOids {
  private GitOids() {}

  /** A SHA-1 digest primed with the Git blob header, ready to be fed {@code size} bytes. */
  public static MessageDigest blobDigest(long size) {
    MessageDigest sha1 = digest("SHA-1");
    sha1.update(("blob " + size + "\0").getBytes(StandardCharsets.US_ASCII));
    return sha1;
  }

  /** The Git blob id of some bytes. */
  public static String blobId(byte[] content) {
    MessageDigest sha1 = blobDigest(content.length);
    sha1.update(content);
    return hex(sha1.digest());
  }

  /** The text of the LFS pointer file that stands for an object in Git. */
  public static String lfsPointer(String sha256, long size) {
    return "version https://git-lfs.github.com/spec/v1\noid sha256:"
        + sha256
        + "\nsize "
        + size
        + "\n";
  }

  /** The SHA-256 of some bytes, as hex. */
  public static String sha256(byte[] content) {
    return hex(digest("SHA-256").digest(content));
  }

  /** A new digest; the JDK always has SHA-1, SHA-256 and MD5. */
  public static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("The JDK has no " + algorithm, e);
    }
  }

  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  /** True for 64 lower-case hex digits. */
  public static boolean isSha256(String text) {
    return text != null && text.matches("[0-9a-f]{64}");
  }
}
