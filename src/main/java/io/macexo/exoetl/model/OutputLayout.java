package io.macexo.exoetl.model;

import java.util.List;
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

  public static final String REJECTS = "rejects";
  public static final String REJECTS_JSON = REJECTS + "/rejects.json";
  public static final String METADATA = "metadata.json";
  public static final String STATS = "stats.json";
  public static final String SPLITS = "splits.json";
  public static final String MANIFEST = "manifest.json";

  /** The dataset card, the repo's README.md on the Hub. */
  public static final String CARD = "README.md";

  public static final String REPORT = "report.html";

  /** Written last by a run that finished; sync refuses an output without it. */
  public static final String SUCCESS_MARKER = "_SUCCESS";

  public static final String LOCK = "_lock";
  public static final String STAGING = "_staging";
  public static final String TRASH = "_trash";

  /** The data files' name ending, whatever the codec before it ({@code .zstd.parquet}). */
  public static final String PARQUET = ".parquet";

  /**
   * The small files that describe the whole output and travel with the card to the Hub: training
   * code normalizes with stats.json, splits by splits.json and picks trials from the trials table.
   */
  public static final List<String> DESCRIPTIONS = List.of(METADATA, STATS, SPLITS, TRIALS);

  /**
   * True for names Spark, pandas, pyarrow and the Hub's globs treat as not data: a leading {@code
   * .} or {@code _} (staging, trash, markers, checksum files).
   */
  public static boolean isHidden(String name) {
    return name.startsWith(".") || name.startsWith("_");
  }

  /** True when some folder or file name of a relative path is hidden ({@link #isHidden}). */
  public static boolean isHiddenPath(String relative) {
    for (String segment : relative.split("/")) {
      if (isHidden(segment)) {
        return true;
      }
    }
    return false;
  }

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
    return new Path(root, REJECTS);
  }

  public Path rejectsJson() {
    return new Path(root, REJECTS_JSON);
  }

  public Path metadata() {
    return new Path(root, METADATA);
  }

  public Path card() {
    return new Path(root, CARD);
  }

  public Path successMarker() {
    return new Path(root, SUCCESS_MARKER);
  }

  public Path manifest() {
    return new Path(root, MANIFEST);
  }

  public Path stats() {
    return new Path(root, STATS);
  }

  public Path splits() {
    return new Path(root, SPLITS);
  }

  public Path report() {
    return new Path(root, REPORT);
  }

  /** Held while a run writes; see OutputLock. */
  public Path lock() {
    return new Path(root, LOCK);
  }

  public Path stagingRoot() {
    return new Path(root, STAGING);
  }

  public Path staging(String runId) {
    return new Path(stagingRoot(), runId);
  }

  public Path trashRoot() {
    return new Path(root, TRASH);
  }

  public Path trash(String runId) {
    return new Path(trashRoot(), runId);
  }
}
