package io.macexo.exoetl.hub;

import com.fasterxml.jackson.databind.JsonNode;
import io.macexo.exoetl.model.OutputColumns;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders the dataset card (the repo's README.md) from the {@code metadata.json} a prepare run
 * writes: YAML front matter that tells the Hub and {@code datasets} what the files are ({@code
 * configs} with {@code data/**}/{@code *.parquet}, {@code dataset_info.features}, license, tags,
 * size category), then the markdown body of {@link CardText}. Pure: no I/O; {@code prepare} calls
 * {@link #render(JsonNode)} and writes the text next to {@code metadata.json}.
 */
public final class DatasetCard {
  /** The repo id the loading example uses when the caller does not know the target repo. */
  public static final String DEFAULT_REPO_ID = "macexo/exo-phase1";

  /** The glob of the data files, relative to the repo root. */
  public static final String DATA_FILES = "data/**/*.parquet";

  private DatasetCard() {}

  /** The card, with {@value #DEFAULT_REPO_ID} in the loading example. */
  public static String render(JsonNode metadata) {
    return render(metadata, DEFAULT_REPO_ID);
  }

  /**
   * The card.
   *
   * @param metadata the parsed {@code metadata.json}
   * @param repoId the dataset repo, for the {@code load_dataset} example
   * @throws IllegalArgumentException naming the first missing or mistyped key
   */
  public static String render(JsonNode metadata, String repoId) {
    CardFacts facts = CardFacts.of(metadata);
    return frontMatter(facts) + CardText.body(facts, repoId);
  }

  private static String frontMatter(CardFacts facts) {
    List<String> yaml = new ArrayList<>();
    yaml.add("---");
    yaml.add("pretty_name: " + quote("Georgia Tech exoskeleton hip/knee joint moments (exo-etl)"));
    yaml.add("license: other");
    yaml.add("license_name: " + quote("gatech-exoskeleton-dataset"));
    yaml.add("license_link: " + quote("https://doi.org/10.35090/gatech/75759"));
    yaml.add("task_categories:");
    yaml.add("- time-series-forecasting");
    yaml.add("tags:");
    for (String tag :
        List.of("exoskeleton", "biomechanics", "imu", "joint-moments", "gait", "time-series")) {
      yaml.add("- " + tag);
    }
    yaml.add("size_categories:");
    yaml.add("- " + sizeCategory(facts.trialsWritten()));
    datasetInfo(yaml, facts);
    yaml.add("---");
    return String.join("\n", yaml) + "\n";
  }

  /** {@code configs} (which files) and {@code dataset_info} (their features and split size). */
  private static void datasetInfo(List<String> yaml, CardFacts facts) {
    yaml.add("configs:");
    yaml.add("- config_name: default");
    yaml.add("  data_files:");
    yaml.add("  - split: train");
    yaml.add("    path: " + quote(DATA_FILES));
    yaml.add("dataset_info:");
    yaml.add("  features:");
    feature(yaml, OutputColumns.PARTICIPANT, "string");
    feature(yaml, OutputColumns.TRIAL_NAME, "string");
    feature(yaml, OutputColumns.MASS_KG, "float64");
    feature(yaml, OutputColumns.SEQUENCE_LENGTH, "int32");
    for (String name :
        List.of(
            OutputColumns.IMU_FEATURES,
            OutputColumns.ANGLE_FEATURES,
            OutputColumns.MOMENT_TARGETS)) {
      yaml.add("  - name: " + name);
      yaml.add("    list:");
      yaml.add("      list: float32");
    }
    yaml.add("  splits:");
    yaml.add("  - name: train");
    yaml.add("    num_examples: " + facts.trialsWritten());
  }

  private static void feature(List<String> yaml, String name, String dtype) {
    yaml.add("  - name: " + name);
    yaml.add("    dtype: " + dtype);
  }

  /** The Hub's size bucket for a row count. */
  static String sizeCategory(long rows) {
    if (rows < 1_000) {
      return "n<1K";
    }
    if (rows < 10_000) {
      return "1K<n<10K";
    }
    if (rows < 100_000) {
      return "10K<n<100K";
    }
    return rows < 1_000_000 ? "100K<n<1M" : "1M<n<10M";
  }

  /** A double-quoted YAML scalar. */
  static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
