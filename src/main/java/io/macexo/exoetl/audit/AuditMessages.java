package io.macexo.exoetl.audit;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.macexo.exoetl.audit.Problem.Check;
import io.macexo.exoetl.config.ConfigException;
import io.macexo.exoetl.model.OutputLayout;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every problem and note {@code validate} prints, built in one place (as {@code model/Rejections}
 * builds every reject), so that problems of one kind read the same. A problem names where it is (a
 * file relative to the output root, a trial as {@code participant/trial}, or a JSON key) and says
 * what is wrong in words; a cause taken from an exception is its message's first line.
 */
final class AuditMessages {
  /** Where the problems of the data folder itself are reported. */
  static final String DATA_FOLDER = OutputLayout.DATA + "/";

  private AuditMessages() {}

  // The output root: a user mistake on the command line, so one line and exit 2.

  static ConfigException noSuchOutput(Object root) {
    return new ConfigException("--output", "no such folder: " + root);
  }

  static ConfigException outputIsAFile(Object root) {
    return new ConfigException("--output", "is a file, not an output folder: " + root);
  }

  // The data folder.

  static Problem noDataFolder() {
    return new Problem(Check.LAYOUT, DATA_FOLDER, "no data folder");
  }

  static Problem dataFolderIsAFile() {
    return new Problem(Check.LAYOUT, DATA_FOLDER, "is a file, not a folder");
  }

  static Problem noParquetFile() {
    return new Problem(
        Check.LAYOUT, DATA_FOLDER, "holds no Parquet file (*" + OutputLayout.PARQUET + ")");
  }

  static Problem dataFolderUnreadable(Exception cause) {
    return new Problem(Check.LAYOUT, DATA_FOLDER, "cannot be listed: " + cause(cause));
  }

  // One data file, checked on the driver before Spark reads any.

  static Problem emptyFile(Check check, String file) {
    return new Problem(check, file, "is empty (0 bytes)");
  }

  static Problem notParquet(String file) {
    return new Problem(Check.FILE, file, "is not a Parquet file: it does not start with PAR1");
  }

  static Problem cutOff(String file, long bytes) {
    return new Problem(
        Check.FILE,
        file,
        "is cut off: it starts as a Parquet file but has no footer ("
            + bytes
            + " bytes; a broken download or copy?)");
  }

  /**
   * The data could not be read in full although every file's footer was sound: damaged pages, say.
   * Names the file when a cause in the chain does (Spark's "Encountered error while reading file").
   */
  static Problem dataUnreadable(Exception e) {
    String named = null;
    for (Throwable t = e; t != null && named == null; t = t.getCause()) {
      String message = t.getMessage();
      if (message != null && message.contains(OutputLayout.PARQUET)) {
        named = message.lines().findFirst().orElse(message);
      }
    }
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    String rootText =
        root.getMessage() == null
            ? root.getClass().getSimpleName()
            : root.getMessage().lines().findFirst().orElse("");
    return new Problem(
        Check.FILE,
        DATA_FOLDER,
        "cannot be read in full ("
            + (named == null ? rootText : named + ": " + rootText)
            + "); the row, metadata and stats checks stopped there");
  }

  static Problem damagedFooter(String file, Exception cause) {
    return new Problem(Check.FILE, file, "has a damaged Parquet footer: " + cause(cause));
  }

  static Problem unreadable(Check check, String file, Exception cause) {
    return new Problem(check, file, "cannot be read: " + cause(cause));
  }

  /**
   * A file whose schema is not the dataset's.
   *
   * @param missing the dataset columns it lacks
   * @param mistyped each column it holds with another type, as "{@code mass_kg is string, expected
   *     double}"
   */
  static Problem foreignSchema(String file, List<String> missing, List<String> mistyped) {
    StringBuilder what = new StringBuilder("has a foreign schema: ");
    if (!missing.isEmpty()) {
      what.append("no column ").append(String.join(", ", missing));
    }
    if (!missing.isEmpty() && !mistyped.isEmpty()) {
      what.append("; ");
    }
    return new Problem(Check.SCHEMA, file, what.append(String.join("; ", mistyped)).toString());
  }

  static String mistyped(String column, String actual, String expected) {
    return column + " is " + actual + ", expected " + expected;
  }

  static Problem unknownSchema(String file, Exception cause) {
    return new Problem(Check.SCHEMA, file, "has a schema Spark cannot read: " + cause(cause));
  }

  // The JSON files beside the data: metadata.json, stats.json, manifest.json.

  static Problem isAFolder(Check check, String file) {
    return new Problem(check, file, "is a folder, not a file");
  }

  static Problem notJson(Check check, String file, JsonProcessingException cause) {
    JsonLocation at = cause.getLocation();
    String where =
        at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    String message = cause.getOriginalMessage().lines().findFirst().orElse("");
    return new Problem(check, file, "is not JSON: " + message + where);
  }

  /** A file of valid JSON that is not an object: {@code [1, 2]}, {@code 42}, only white space. */
  static Problem notAnObject(Check check, String file, JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return new Problem(check, file, "is not JSON: it holds only white space");
    }
    String kind =
        switch (node.getNodeType()) {
          case ARRAY -> "an array";
          case STRING -> "a string";
          case NUMBER -> "a number";
          case BOOLEAN -> "a boolean";
          default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    return new Problem(check, file, "is not a JSON object: it holds " + kind);
  }

  static Problem unknownManifestFormat(String file, JsonNode format) {
    String shown = format.isMissingNode() ? "none" : format.toString();
    return new Problem(
        Check.MANIFEST,
        file,
        "has format " + shown + ", which this version of exo-etl cannot read");
  }

  static Problem invalidManifest(String file, Exception cause) {
    return new Problem(Check.MANIFEST, file, "is not a valid manifest: " + cause(cause));
  }

  static Problem listedButMissing(String file) {
    return new Problem(Check.MANIFEST, file, "listed in manifest.json but missing");
  }

  static Problem uncheckable(String file, Exception cause) {
    return new Problem(Check.MANIFEST, file, "cannot be checked: " + cause(cause));
  }

  // metadata.json and stats.json against the data.

  static Problem trialsWritten(JsonNode listed, long rows) {
    String says = listed.isMissingNode() ? "is missing" : "says " + listed.asText();
    return new Problem(
        Check.METADATA, "totals.trials_written", says + ", the data has " + rows + " trials");
  }

  static Problem participantTrials(Map<String, Long> listed, Map<String, Long> counts) {
    return new Problem(
        Check.METADATA,
        "participants",
        "lists " + new TreeMap<>(listed) + ", the data has " + new TreeMap<>(counts));
  }

  static Problem featureCount(String where, int listed, int actual) {
    return new Problem(Check.STATS, where, "lists " + listed + " features, the data has " + actual);
  }

  /** One feature's statistics: counts and mean as stats.json gives them and as the data has. */
  static Problem featureStats(String where, JsonNode listed, long count, long nan, double mean) {
    return new Problem(
        Check.STATS,
        where,
        "stats.json says count "
            + listed.path("count").asLong()
            + ", NaN "
            + listed.path("nan_count").asLong()
            + ", mean "
            + listed.path("mean").asDouble()
            + "; the data has "
            + count
            + ", "
            + nan
            + ", "
            + mean);
  }

  // The row checks, one sentence per check; where is the trial.

  static Problem row(Check check, String trial, String what) {
    return new Problem(check, trial, what);
  }

  static String badWidth(List<Integer> widths) {
    return "an array row does not have "
        + String.join(" / ", widths.stream().map(String::valueOf).toList())
        + " values";
  }

  static final String BAD_LENGTH = "an array's length differs from sequence_length";
  static final String INFINITE = "holds infinite values";
  static final String BAD_MASS = "participant has no configured mass, or mass_kg differs from it";
  static final String NAN_REJECTED =
      "holds NaN although the output was made with nan-policy=reject";

  static Problem duplicate(String trial, long times) {
    return new Problem(Check.DUPLICATE, trial, "appears " + times + " times");
  }

  static Problem misplaced(String file, String participant) {
    return new Problem(
        Check.PARTITION,
        file,
        "holds rows of participant " + participant + ", not of its folder's");
  }

  // Notes: what was skipped or narrowed, and why.

  static String skipped(String file, String check) {
    return "no " + file + ": " + check + " check skipped";
  }

  static String leftOut(int files) {
    return (files == 1
            ? "1 data file with a FILE or SCHEMA problem is"
            : files + " data files with a" + " FILE or SCHEMA problem are")
        + " left out of the other checks";
  }

  /** metadata.json and stats.json are compared for the participants read whole only. */
  static String comparedWithout(Set<String> incomplete) {
    return "metadata.json and stats.json are compared without "
        + String.join(", ", new java.util.TreeSet<>(incomplete))
        + ", whose data is not all readable";
  }

  static String notCompared() {
    return "metadata.json and stats.json are not compared with the data: a data file left out is"
        + " in no participant folder";
  }

  /** The first line of an exception's message, or its class name when it has none. */
  static String cause(Exception e) {
    String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
    return message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
