package io.macexo.exoetl.card;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.macexo.exoetl.model.OutputColumns;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Renders the dataset card (the repo's README.md) from the {@code metadata.json} a prepare run
 * writes: YAML front matter that tells the Hub and {@code datasets} what the files are, then the
 * markdown body of {@link CardText}. The front matter declares two {@code configs}: {@code default}
 * ({@code data/**}{@code /*.parquet}, the trials with their arrays) and {@code trials} (the small
 * table of {@code trials/*.parquet}, what the Hub's viewer shows and what people filter on); their
 * features under {@code dataset_info}; license, tags, size category. It declares no row counts
 * ({@code splits.num_examples}): {@code datasets} checks them against what it loaded, so a subset
 * ({@code data_dir=} one participant) or a Hub state between a sync's commits would fail to load.
 * Written with jackson-dataformat-yaml from a tree, so quoting is right for any value. Pure: no
 * I/O.
 */
public final class DatasetCard {
  /** Stands for the repo in the loading example of a card rendered before any sync names one. */
  public static final String PLACEHOLDER_REPO_ID = "<namespace>/<dataset>";

  /** The glob of the data files, relative to the repo root. */
  public static final String DATA_FILES = "data/**/*.parquet";

  /** The glob of the trials table, relative to the repo root. */
  public static final String TRIALS_FILES = "trials/*.parquet";

  /** The {@code configs} name of the trials table: {@code load_dataset(repo, "trials")}. */
  public static final String TRIALS_CONFIG = "trials";

  private static final YAMLMapper YAML =
      new YAMLMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
              .build());

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private DatasetCard() {}

  /** The card of a local output, whose repo is not known yet. */
  public static String render(JsonNode metadata) {
    return render(metadata, PLACEHOLDER_REPO_ID);
  }

  /**
   * The card.
   *
   * @param metadata the parsed {@code metadata.json}
   * @param repoId the dataset repo, for the loading examples
   * @throws IllegalArgumentException naming the first missing or mistyped key
   */
  public static String render(JsonNode metadata, String repoId) {
    CardFacts facts = CardFacts.of(metadata);
    return "---\n" + frontMatter(facts) + "---\n" + CardText.body(facts, repoId);
  }

  /** The front matter's YAML, without its {@code ---} lines. */
  static String frontMatter(CardFacts facts) {
    ObjectNode card = NODES.objectNode();
    card.put("pretty_name", "Georgia Tech exoskeleton hip/knee joint moments (exo-etl)");
    card.put("license", "other");
    card.put("license_name", "gatech-exoskeleton-dataset");
    card.put("license_link", "https://doi.org/10.35090/gatech/75759");
    strings(card.putArray("task_categories"), List.of("time-series-forecasting"));
    strings(
        card.putArray("tags"),
        List.of("exoskeleton", "biomechanics", "imu", "joint-moments", "gait", "timeseries"));
    strings(card.putArray("size_categories"), List.of(sizeCategory(facts.trialsWritten())));
    ArrayNode configs = card.putArray("configs");
    config(configs, "default", DATA_FILES).put("default", true);
    config(configs, TRIALS_CONFIG, TRIALS_FILES);
    ArrayNode info = card.putArray("dataset_info");
    List<String> arrays = facts.groups().stream().map(CardFacts.Group::column).toList();
    features(info, "default", datasetFeatures(arrays));
    features(info, TRIALS_CONFIG, trialsFeatures(arrays));
    try {
      return YAML.writeValueAsString(card);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("Cannot write the dataset card's front matter", e);
    }
  }

  private static ObjectNode config(ArrayNode configs, String name, String glob) {
    ObjectNode config = configs.addObject().put("config_name", name);
    config.putArray("data_files").addObject().put("split", "train").put("path", glob);
    return config;
  }

  /** A config's features, by name and type; no splits (see the class comment). */
  private static void features(ArrayNode info, String config, Map<String, String> columns) {
    ArrayNode features = info.addObject().put("config_name", config).putArray("features");
    columns.forEach(
        (name, type) -> {
          ObjectNode feature = features.addObject().put("name", name);
          if (type.equals("matrix")) {
            feature.putObject("list").put("list", "float32");
          } else {
            feature.put("dtype", type);
          }
        });
  }

  private static Map<String, String> datasetFeatures(List<String> arrays) {
    Map<String, String> columns = new java.util.LinkedHashMap<>();
    columns.put(OutputColumns.PARTICIPANT, "string");
    columns.put(OutputColumns.TRIAL_NAME, "string");
    columns.put(OutputColumns.MASS_KG, "float64");
    columns.put(OutputColumns.SEQUENCE_LENGTH, "int32");
    arrays.forEach(name -> columns.put(name, "matrix"));
    return columns;
  }

  private static Map<String, String> trialsFeatures(List<String> arrays) {
    Map<String, String> columns = new java.util.LinkedHashMap<>();
    for (String name :
        List.of(
            OutputColumns.PARTICIPANT,
            OutputColumns.TRIAL_NAME,
            OutputColumns.TASK_FAMILY,
            OutputColumns.EXO_POWER,
            OutputColumns.DESCRIPTOR)) {
      columns.put(name, "string");
    }
    columns.put(OutputColumns.SPEED_M_S, "float64");
    columns.put(OutputColumns.MASS_KG, "float64");
    columns.put(OutputColumns.SEQUENCE_LENGTH, "int32");
    arrays.forEach(name -> columns.put(OutputColumns.nanShare(name), "float64"));
    columns.put(OutputColumns.DATA_FILE, "string");
    return columns;
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
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
}
