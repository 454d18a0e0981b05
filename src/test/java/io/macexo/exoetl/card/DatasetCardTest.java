package io.macexo.exoetl.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.macexo.exoetl.hub.FakeOutput;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dataset card: front matter read back as YAML, counts and units in the markdown. */
class DatasetCardTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode metadata() throws Exception {
    ObjectNode m = (ObjectNode) JSON.readTree(FakeOutput.METADATA);
    ArrayNode imu = ((ObjectNode) m.get("features")).putArray("imu");
    for (String side : List.of("l", "r")) {
      for (String segment : List.of("thigh", "shank")) {
        for (String sensor : List.of("accel", "gyro")) {
          for (String axis : List.of("x", "y", "z")) {
            imu.add(segment + "_imu_" + side + "_" + sensor + "_" + axis);
          }
        }
      }
    }
    m.putArray("participants")
        .addObject()
        .put("participant", "BT01")
        .put("mass_kg", 80.59)
        .put("trials", 8);
    ((ArrayNode) m.get("participants"))
        .addObject()
        .put("participant", "BT02")
        .put("mass_kg", 72.24)
        .put("trials", 112);
    ObjectNode totals =
        m.putObject("totals")
            .put("trials_found", 130)
            .put("trials_written", 120)
            .put("trials_rejected", 10);
    totals.putObject("rejected_by_reason").put("MISSING_FILE", 1).put("NON_FINITE", 9);
    return m;
  }

  /** The front matter, read back with the library that wrote it. */
  private static JsonNode frontMatter(String card) throws Exception {
    assertThat(card).startsWith("---\n");
    return new YAMLMapper().readTree(card.substring(4, card.indexOf("\n---\n", 4) + 1));
  }

  @Test
  void frontMatterDeclaresBothConfigsAndTheirFeatures() throws Exception {
    JsonNode yaml = frontMatter(DatasetCard.render(metadata(), "macexo/exo-phase1"));

    assertThat(yaml.at("/configs/0/config_name").asText()).isEqualTo("default");
    assertThat(yaml.at("/configs/0/default").asBoolean()).isTrue();
    assertThat(yaml.at("/configs/0/data_files/0/split").asText()).isEqualTo("train");
    assertThat(yaml.at("/configs/0/data_files/0/path").asText()).isEqualTo("data/**/*.parquet");
    assertThat(yaml.at("/configs/1/config_name").asText()).isEqualTo("trials");
    assertThat(yaml.at("/configs/1/data_files/0/path").asText()).isEqualTo("trials/*.parquet");
    JsonNode features = yaml.at("/dataset_info/0/features");
    assertThat(yaml.at("/dataset_info/0/config_name").asText()).isEqualTo("default");
    assertThat(names(features))
        .containsExactly(
            "participant",
            "trial_name",
            "mass_kg",
            "sequence_length",
            "imu_features",
            "angle_features",
            "moment_targets");
    assertThat(features.findValuesAsText("dtype"))
        .containsExactly("string", "string", "float64", "int32");
    for (int i = 4; i < 7; i++) {
      assertThat(features.get(i).at("/list/list").asText()).isEqualTo("float32");
    }
    assertThat(yaml.at("/dataset_info/1/config_name").asText()).isEqualTo("trials");
    assertThat(names(yaml.at("/dataset_info/1/features")))
        .containsExactlyElementsOf(
            io.macexo.exoetl.model.OutputColumns.trials(
                io.macexo.exoetl.config.ConfigLoader.defaults().selection()));
    assertThat(yaml.at("/size_categories/0").asText()).isEqualTo("n<1K");
    assertThat(yaml.at("/license").asText()).isEqualTo("other");
    assertThat(yaml.at("/tags").toString()).contains("exoskeleton", "biomechanics", "timeseries");
  }

  @Test
  void frontMatterDeclaresNoRowCountASubsetWouldContradict() throws Exception {
    String card = DatasetCard.render(metadata(), "macexo/exo-phase1");

    assertThat(frontMatter(card).findValues("splits")).isEmpty();
    assertThat(frontMatter(card).findValues("num_examples")).isEmpty();
    assertThat(card).doesNotContain("num_examples");
  }

  private static List<String> names(JsonNode features) {
    List<String> names = new java.util.ArrayList<>();
    features.forEach(feature -> names.add(feature.path("name").asText()));
    return names;
  }

  @Test
  void markdownCarriesCountsUnitsAndUsage() throws Exception {
    String card = DatasetCard.render(metadata(), "macexo/exo-phase1");

    assertThat(card)
        .contains(
            "120 trials written out of 130 found (10 rejected), 2 participants.",
            "| BT01 | 8 | 80.59 |",
            "| BT02 | 112 | 72.24 |",
            "| **total** | 120 | |",
            "| MISSING_FILE | 1 | one of the trial's required CSV files is absent |",
            "| NON_FINITE | 9 |",
            "| normal_walk | 2 |",
            "`thigh_imu_l_accel_x` (m/s²)",
            "`shank_imu_r_gyro_z` (deg/s)",
            "- `angle_features` (deg): `hip_flexion_l`",
            "- `moment_targets` (Nm/kg): `hip_flexion_l_moment`",
            "## NaN policy: `keep`",
            "load_dataset(\"macexo/exo-phase1\", split=\"train\")",
            "load_dataset(\"macexo/exo-phase1\", \"trials\", split=\"train\")",
            "load_dataset(\"macexo/exo-phase1\", data_dir=\"data/subject=BT01\", split=\"train\")",
            "revision=",
            "inputs (batch, seq, 28), targets (batch, seq, 4), mask (batch, seq)",
            "ExoskeletonDataset(hf_repo=\"macexo/exo-phase1\"",
            "doi.org/10.35090/gatech/75759",
            "@article{molinaro2024taskagnostic",
            "at 200 Hz",
            "exo-etl 0.1.0 on Apache Spark 4.1.3");
  }

  @Test
  void sizeCategoryFollowsTheRowCount() {
    assertThat(DatasetCard.sizeCategory(999)).isEqualTo("n<1K");
    assertThat(DatasetCard.sizeCategory(1669)).isEqualTo("1K<n<10K");
    assertThat(DatasetCard.sizeCategory(10_000)).isEqualTo("10K<n<100K");
  }

  @Test
  void aMissingKeyIsNamed() throws Exception {
    ObjectNode m = metadata();
    ((ObjectNode) m.get("totals")).remove("trials_written");

    assertThatThrownBy(() -> DatasetCard.render(m))
        .hasMessage(
            "Cannot render the dataset card: metadata.json has no 'trials_written' (a number)");
  }

  @Test
  void aCardWithoutARepoNamesNoneInItsExamples() throws Exception {
    JsonNode m = metadata();

    assertThat(DatasetCard.render(m))
        .contains("load_dataset(\"" + DatasetCard.PLACEHOLDER_REPO_ID + "\"")
        .doesNotContain("\"macexo/");
  }
}
