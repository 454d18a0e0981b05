package io.macexo.exoetl.pipeline;

import io.macexo.exoetl.model.InputEntry;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * SHA-256 of input file contents, for --verify-content: catches a file rewritten with the same size
 * and time stamp. Streams each file on the driver (reads every input byte once).
 */
final class ContentHashes {
  /** The hash of a file that could not be read. */
  static final String UNREADABLE = "unreadable";

  private ContentHashes() {}

  static Map<String, String> of(FileSystem fs, Path root, List<InputEntry> entries)
      throws IOException {
    Map<String, String> hashes = new TreeMap<>();
    byte[] buffer = new byte[1 << 16];
    for (InputEntry entry : entries) {
      if (entry.size() < 0) {
        continue;
      }
      MessageDigest digest = sha256();
      try (InputStream in = fs.open(new Path(root, entry.path()))) {
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
          digest.update(buffer, 0, n);
        }
        hashes.put(entry.path(), HexFormat.of().formatHex(digest.digest()));
      } catch (IOException unreadable) {
        // Its trial becomes an UNREADABLE_FILE reject in the task, which retries it next run;
        // one unreadable file must not stop the run here, on the driver.
        hashes.put(entry.path(), UNREADABLE);
      }
    }
    return hashes;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
