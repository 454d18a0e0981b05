package io.macexo.exoetl.model;

import org.apache.hadoop.fs.Path;

/**
 * Where everything goes under an output root. Names starting with {@code _} are ignored by Spark,
 * pandas and the Hub's globs, so staging and trash never look like data.
 */
public record OutputLayout(Path root) {
  /** The data folder, relative to the root. */
  public static final String DATA = "data";

  /**
   * The key of the participant folders: {@code data/subject=BT01/}. Why a {@code key=value} name,
   * and why not {@code participant=}:
   *
   * <ul>
   *   <li>{@code participant} must be a real column in every file, because {@code datasets} reads
   *       no folder names.
   *   <li>Spark reads only the files of the folder it is given or of its {@code key=value}
   *       sub-folders: with plain names ({@code data/BT01/}) {@code spark.read.parquet("data")}
   *       finds no file at all.
   *   <li>A folder key equal to a column ({@code participant=BT01}) makes pyarrow (so pandas) add a
   *       second, dictionary-typed {@code participant} and fail to merge the two, and Spark warn.
   * </ul>
   *
   * So hive-aware readers (pandas, pyarrow, Polars on a folder, DuckDB, Spark) show one more
   * column, {@code subject}, always equal to {@code participant}; {@code datasets} shows none.
   */
  public static final String FOLDER_KEY = "subject";

  /**
   * How folders under {@code data/} were named before: {@code participant=BT01}. A run that finds
   * them migrates the output (LayoutMigration).
   */
  public static final String LEGACY_FOLDER_PREFIX = "participant=";

  /** The trials table, relative to the root. */
  public static final String TRIALS = "trials/trials.parquet";

  public Path data() {
    return new Path(root, DATA);
  }

  /** A participant's folder, e.g. {@code data/subject=BT01}. */
  public Path participant(String participant) {
    return new Path(data(), folderName(participant));
  }

  /** A data file's path relative to the root, as the trials table and the manifest give it. */
  public static String dataFile(String participant, String fileName) {
    return DATA + "/" + folderName(participant) + "/" + fileName;
  }

  /**
   * The folder name of a participant, {@code subject=BT01}, its value escaped as Spark and Hive
   * escape partition values ({@link PartitionValues}), so that every hive-aware reader decodes the
   * participant's own name back.
   */
  public static String folderName(String participant) {
    return FOLDER_KEY + "=" + PartitionValues.escape(participant);
  }

  /** The participant of a folder name under {@code data/}, if it is one. */
  public static java.util.Optional<String> participantOf(String folderName) {
    String prefix = FOLDER_KEY + "=";
    return folderName.startsWith(prefix) && folderName.length() > prefix.length()
        ? java.util.Optional.of(PartitionValues.unescape(folderName.substring(prefix.length())))
        : java.util.Optional.empty();
  }

  /** One row per written trial, for browsing and filtering before a download. */
  public Path trials() {
    return new Path(root, TRIALS);
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

  /** Held while a run writes; see OutputLock. */
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
