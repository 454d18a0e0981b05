package io.macexo.exoetl.model;

import java.net.URI;
import java.nio.file.Paths;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.Path;

/**
 * Folder and file names with any character a file system allows (spaces, {@code # % + & ?},
 * non-ASCII letters), in the three places they travel.
 *
 * <ul>
 *   <li><b>From the user</b> ({@link #root}): {@code --input} and {@code --output} are taken
 *       literally, as Hadoop's and Spark's own path strings are: {@code /data/my data} and {@code
 *       s3a://lab/run #2/Parsed} name folders with a space and a {@code #}, and {@code %20} is
 *       three characters, not a space. {@code URI.create} would refuse the space and read {@code #}
 *       as the start of a fragment.
 *   <li><b>Between driver and executors</b> ({@link #text}, {@link #path}): as the percent-encoded
 *       URI of a path the file system listed, which gives back exactly that path. {@code
 *       Path.toString()} is the decoded form and does not survive {@code URI.create}.
 *   <li><b>Into Spark's readers</b> ({@link #literalGlob}): Spark takes a path string as a glob, so
 *       a folder named {@code run[1]} or {@code what?} must have its glob characters escaped.
 * </ul>
 */
public final class Locations {
  /** A URI scheme of two or more letters; one letter before a colon is a Windows drive. */
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*");

  /** Characters Hadoop's glob patterns give a meaning to. */
  private static final Pattern GLOB = Pattern.compile("([\\\\{}\\[\\]*?])");

  private Locations() {}

  /**
   * The folder a user named: a URI-like string ({@code s3a://bucket/key}, {@code file:/data}) as
   * Hadoop reads it, a plain path made absolute against the working folder. Trailing slashes go.
   */
  public static Path root(String given) {
    if (SCHEME.matcher(given).matches()) {
      return new Path(given);
    }
    // Not Path.toUri(): it ends an existing folder with a slash, and the root must print the same
    // whether its folder exists yet or not. This constructor encodes the path for the URI itself.
    return new Path("file", null, Paths.get(given).toAbsolutePath().normalize().toString());
  }

  /** A path as text that {@link #path} turns back into the same path. */
  public static String text(Path path) {
    return path.toUri().toString();
  }

  /** The path of a {@link #text} string. */
  public static Path path(String text) {
    return new Path(URI.create(text));
  }

  /** The file name of a {@link #text} string, decoded. */
  public static String name(String text) {
    return path(text).getName();
  }

  /** A path string Spark's readers match to this path only, glob characters escaped. */
  public static String literalGlob(Path path) {
    return GLOB.matcher(path.toString()).replaceAll("\\\\$1");
  }
}
