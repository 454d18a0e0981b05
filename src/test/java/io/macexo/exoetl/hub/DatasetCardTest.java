package io.macexo.exoetl.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
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

  @SuppressWarnings("unchecked")
  private static <T> T at(Object node, Object... keys) {
    Object current = node;
    for (Object key : keys) {
      current =
          key instanceof Integer i
              ? ((List<Object>) current).get(i)
              : ((Map<String, Object>) current).get(key);
    }
    return (T) current;
  }

  @Test
  void frontMatterTellsDatasetsWhatTheFilesAre() throws Exception {
    String card = DatasetCard.render(metadata(), "macexo/exo-phase1");

    assertThat(card).startsWith("---\n");
    String front = card.substring(4, card.indexOf("\n---\n", 4) + 1);
    Object yaml = TinyYaml.parse(front);
    assertThat((String) at(yaml, "configs", 0, "config_name")).isEqualTo("default");
    assertThat((String) at(yaml, "configs", 0, "data_files", 0, "split")).isEqualTo("train");
    assertThat((String) at(yaml, "configs", 0, "data_files", 0, "path"))
        .isEqualTo("data/**/*.parquet");
    List<Map<String, Object>> features = at(yaml, "dataset_info", "features");
    assertThat(features)
        .extracting(f -> f.get("name"))
        .containsExactly(
            "participant",
            "trial_name",
            "mass_kg",
            "sequence_length",
            "imu_features",
            "angle_features",
            "moment_targets");
    assertThat(features)
        .extracting(f -> f.get("dtype"))
        .containsExactly("string", "string", "float64", "int32", null, null, null);
    assertThat(features.subList(4, 7))
        .allSatisfy(f -> assertThat(f.get("list")).isEqualTo(Map.of("list", "float32")));
    assertThat((String) at(yaml, "dataset_info", "splits", 0, "num_examples")).isEqualTo("120");
    assertThat((List<String>) at(yaml, "size_categories")).containsExactly("n<1K");
    assertThat((String) at(yaml, "license")).isEqualTo("other");
    assertThat((List<String>) at(yaml, "tags")).contains("exoskeleton", "biomechanics");
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
            "| MISSING_FILE | 1 | one of the three required CSV files is absent |",
            "| NON_FINITE | 9 |",
            "| normal_walk | 2 |",
            "`thigh_imu_l_accel_x` (m/s²)",
            "`shank_imu_r_gyro_z` (deg/s)",
            "`angle_features` (deg): `hip_flexion_l`",
            "`moment_targets` (Nm/kg, normalised by body mass)",
            "## NaN policy: `keep`",
            "load_dataset(\"macexo/exo-phase1\", split=\"train\")",
            "inputs (batch, seq, 28), targets (batch, seq, 4), mask (batch, seq), lengths (batch,)",
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
  void rendersWithTheDefaultRepoWhenNoneIsGiven() throws Exception {
    JsonNode m = metadata();

    assertThat(DatasetCard.render(m))
        .contains("load_dataset(\"" + DatasetCard.DEFAULT_REPO_ID + "\"");
  }
}
