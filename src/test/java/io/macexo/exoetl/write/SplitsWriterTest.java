package io.macexo.exoetl.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.macexo.exoetl.config.ConfigException;
import io.macexo.exoetl.config.Splits;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SplitsWriterTest {
  @Test
  void configuredSplitsAreLimitedToPresentParticipantsAndTrainTakesTheRest() {
    JsonNode splits =
        SplitsWriter.build(
            new Splits(List.of(), List.of("BT14", "BT15"), List.of("BT16", "BT17")),
            List.of("BT01", "BT02", "BT15", "BT16"));
    assertThat(names(splits.path("train"))).containsExactly("BT01", "BT02");
    assertThat(names(splits.path("val"))).containsExactly("BT15");
    assertThat(names(splits.path("test"))).containsExactly("BT16");
    assertThat(splits.path("leave_one_subject_out")).hasSize(4);
    assertThat(splits.path("leave_one_subject_out").get(2).path("test").asText()).isEqualTo("BT15");
    assertThat(names(splits.path("leave_one_subject_out").get(2).path("train")))
        .containsExactly("BT01", "BT02", "BT16");
  }

  @Test
  void aParticipantInTwoSplitsIsRefused() {
    assertThatThrownBy(() -> new Splits(List.of("BT01"), List.of("BT01"), List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("exo-etl.splits: puts BT01 in two splits");
  }

  private static List<String> names(JsonNode array) {
    List<String> names = new ArrayList<>();
    array.forEach(n -> names.add(n.asText()));
    return names;
  }
}
