package io.macexo.exoetl.write;

import org.apache.hadoop.fs.Path;

/**
 * Where everything goes under an output root. Names starting with {@code _} are ignored by Spark,
 * pandas and the Hub's globs, so staging and trash never look like data.
 */
public record OutputLayout(Path root) {
  public static final String PARTITION_KEY = "participant";

  public Path data() {
    return new Path(root, "data");
  }

  public Path participant(String participant) {
    return new Path(data(), PARTITION_KEY + "=" + participant);
  }

  public Path rejects() {
    return new Path(root, "rejects");
  }

  public Path rejectsJson() {
    return new Path(rejects(), "rejects.json");
  }

  public Path metadata() {
    return new Path(root, "metadata.json");
  }

  public Path card() {
    return new Path(root, "README.md");
  }

  /** Written last by a run that finished; sync refuses an output without it. */
  public Path successMarker() {
    return new Path(root, "_SUCCESS");
  }

  public Path manifest() {
    return new Path(root, "manifest.json");
  }

  public Path stats() {
    return new Path(root, "stats.json");
  }

  public Path splits() {
    return new Path(root, "splits.json");
  }

  public Path report() {
    return new Path(root, "report.html");
  }

  /** Held while a run writes; see {@link OutputLock}. */
  public Path lock() {
    return new Path(root, "_lock");
  }

  public Path stagingRoot() {
    return new Path(root, "_staging");
  }

  public Path staging(String runId) {
    return new Path(stagingRoot(), runId);
  }

  public Path trashRoot() {
    return new Path(root, "_trash");
  }

  public Path trash(String runId) {
    return new Path(trashRoot(), runId);
  }
}
