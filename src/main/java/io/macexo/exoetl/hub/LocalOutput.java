package io.macexo.exoetl.hub;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.macexo.exoetl.model.Locations;
import io.macexo.exoetl.model.OutputLayout;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * The output folder of a {@code prepare} run, read through the Hadoop FileSystem API so {@code
 * file:}, plain paths and {@code s3a:} all work. Knows the layout: {@code _SUCCESS} (written last,
 * so its absence means the run did not finish), {@code data/**.parquet}, {@code README.md} and
 * {@code metadata.json}. Runs on the driver only; never starts Spark.
 */
public final class LocalOutput {
  private final URI uri;
  private final FileSystem fs;
  private final Path root;

  private LocalOutput(Path root, FileSystem fs) {
    this.root = root;
    this.uri = root.toUri();
    this.fs = fs;
  }

  /**
   * Opens an output given as a URI ({@code file:}, {@code s3a:}) or a plain local path, read
   * literally as prepare reads it ({@link Locations#root}): a space or {@code %} is itself.
   */
  public static LocalOutput open(String output, Configuration conf) {
    Path root;
    try {
      root = Locations.root(output);
    } catch (IllegalArgumentException e) {
      throw HubException.local("sync " + output, "not a path: " + e.getMessage());
    }
    try {
      return new LocalOutput(root, root.getFileSystem(conf));
    } catch (IOException | RuntimeException e) {
      throw HubException.local("sync " + root, "cannot open its file system: " + e.getMessage());
    }
  }

  /** The root as a URI (its odd characters percent-encoded); {@link #toString} for people. */
  public URI uri() {
    return uri;
  }

  /** The root as a person wrote it. */
  @Override
  public String toString() {
    return root.toString();
  }

  /** Refuses an output whose prepare run did not finish. */
  public void requireSuccessMarker() {
    if (!exists(OutputLayout.SUCCESS_MARKER)) {
      throw HubException.local(
          "sync " + root,
          "no " + OutputLayout.SUCCESS_MARKER + " marker; the prepare run did not finish");
    }
  }

  /**
   * Every {@code .parquet} file under {@code data/}, sorted, hidden names ({@code .} or {@code _})
   * left out.
   */
  public List<LocatedFileStatus> listDataFiles() {
    Path data = new Path(root, OutputLayout.DATA);
    List<LocatedFileStatus> files = new ArrayList<>();
    try {
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(data, true);
      while (it.hasNext()) {
        LocatedFileStatus status = it.next();
        String relative = relativePath(status.getPath());
        if (relative.endsWith(OutputLayout.PARQUET) && !OutputLayout.isHiddenPath(relative)) {
          files.add(status);
        }
      }
    } catch (IOException e) {
      throw HubException.local("list " + data, e);
    }
    if (files.isEmpty()) {
      throw HubException.local(
          "sync " + root, "no " + OutputLayout.PARQUET + " files under " + OutputLayout.DATA + "/");
    }
    files.sort(Comparator.comparing(status -> relativePath(status.getPath())));
    return files;
  }

  /** Hashes one listed file (streaming, one pass). */
  public LocalFile hash(LocatedFileStatus status, boolean withGitId) {
    return hash(status.getPath(), status.getLen(), withGitId);
  }

  /** A file under the root, hashed with its Git blob id (for files that may go in inline). */
  public LocalFile hashFile(String relative) {
    Path path = new Path(root, relative);
    try {
      return hash(path, fs.getFileStatus(path).getLen(), true);
    } catch (IOException e) {
      throw HubException.local("read " + path, e);
    }
  }

  private LocalFile hash(Path path, long length, boolean withGitId) {
    try {
      return LocalFile.hash(relativePath(path), length, offset -> open(path, offset), withGitId);
    } catch (IOException e) {
      throw HubException.local("read " + path, e);
    }
  }

  /** True when a path under the root exists. */
  public boolean exists(String relative) {
    try {
      return fs.exists(new Path(root, relative));
    } catch (IOException e) {
      throw HubException.local("read " + new Path(root, relative), e);
    }
  }

  /** The text of a small file under the root. */
  public String readText(String relative) {
    Path path = new Path(root, relative);
    try (InputStream in = fs.open(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw HubException.local("read " + path, e);
    }
  }

  /** Parses {@code metadata.json}. */
  public com.fasterxml.jackson.databind.JsonNode readMetadata() {
    try {
      return new ObjectMapper().readTree(readText(OutputLayout.METADATA));
    } catch (IOException e) {
      throw HubException.local("parse " + new Path(root, OutputLayout.METADATA), e);
    }
  }

  private InputStream open(Path path, long offset) throws IOException {
    FSDataInputStream in = fs.open(path);
    if (offset > 0) {
      in.seek(offset);
    }
    return in;
  }

  private String relativePath(Path path) {
    String base = Path.getPathWithoutSchemeAndAuthority(root).toString();
    String full = Path.getPathWithoutSchemeAndAuthority(path).toString();
    return full.startsWith(base + "/") ? full.substring(base.length() + 1) : full;
  }
}
