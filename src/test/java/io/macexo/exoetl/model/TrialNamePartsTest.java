package io.macexo.exoetl.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The trial folder grammar of PHASE1.md, read back into family, exo power, descriptor, speed. */
class TrialNamePartsTest {
  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {
        "normal_walk_1_1-2_on, normal_walk, on, 1-2, 1.2",
        "normal_walk_1_2_0-6_off, normal_walk, off, 0-6, 0.6",
        "jump_1_1_vertical_on, jump, on, vertical, -",
        "stairs_2_4_down_on, stairs, on, down, -",
        "cutting_1_left-fast_off, cutting, off, left-fast, -",
        "lift_weight_1_1_25lbs-l-c_on, lift_weight, on, 25lbs-l-c, -",
        "weighted_walk_1_25lbs_on, weighted_walk, on, 25lbs, -",
        "stairs_2_11_up_off, stairs, off, up, -",
        "lunges_1_1_set6_on, lunges, on, set6, -",
        "squats_1_1_off, squats, off, -, -",
        "sit_to_stand_3_on, sit_to_stand, on, -, -",
        "mystery_1_on, other, on, -, -",
        "normal_walk_1_1-2, normal_walk, -, 1-2, 1.2",
        "poses, poses, -, -, -"
      })
  void readsWhatTheNameSays(
      String name, String family, String power, String descriptor, Double speed) {
    TrialNameParts parts = TrialNameParts.of(name);

    assertThat(parts.family()).isEqualTo(family);
    assertThat(parts.exoPower()).isEqualTo(Optional.ofNullable(power));
    assertThat(parts.descriptor()).isEqualTo(Optional.ofNullable(descriptor));
    assertThat(parts.speedMetersPerSecond()).isEqualTo(Optional.ofNullable(speed));
  }
}
