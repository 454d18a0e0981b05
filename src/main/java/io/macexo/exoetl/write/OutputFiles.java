package io.macexo.exoetl.write;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Small driver-side file writes (metadata.json, the card, markers). On the local file system Hadoop
 * adds a hidden {@code .crc} file beside every file it writes; those are not data, would be
 * uploaded to the Hub by a plain glob, and are kept out here.
 */
public final class OutputFiles {
  private OutputFiles() {}

  /** Writes a whole small file, replacing it. */
  public static void writeString(FileSystem fs, Path path, String text) throws IOException {
    try (OutputStream out = create(fs, path)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Opens a file for writing without checksum side files. */
  public static FSDataOutputStream create(FileSystem fs, Path path) throws IOException {
    FileSystem raw = raw(fs);
    if (raw != fs) {
      // A stale checksum from an older writer would make checksummed reads of the new file fail.
      raw.delete(new Path(path.getParent(), "." + path.getName() + ".crc"), false);
    }
    return raw.create(path, true);
  }

  /** Deletes {@code .crc} side files and Spark's {@code _SUCCESS} directly inside a folder. */
  public static void stripSideFiles(FileSystem fs, Path folder) throws IOException {
    FileSystem raw = raw(fs);
    for (FileStatus file : raw.listStatus(folder)) {
      String name = file.getPath().getName();
      boolean checksum = name.startsWith(".") && name.endsWith(".crc");
      if (file.isFile() && (checksum || name.equals("_SUCCESS"))) {
        raw.delete(file.getPath(), false);
      }
    }
  }

  private static FileSystem raw(FileSystem fs) {
    // The checksummed local view hides and writes .crc files; its raw file system does neither.
    return fs instanceof ChecksumFileSystem checksummed ? checksummed.getRawFileSystem() : fs;
  }
}
