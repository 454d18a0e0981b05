package io.macexo.exoetl.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DiscoveryTreeTest {
  @Test
  void trialsPerParticipantFollowTheRelease() {
    Map<String, Integer> trials = DiscoveryTree.trialsPerParticipant();

    assertThat(trials).hasSize(15);
    assertThat(trials.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(1_669);
    assertThat(trials).containsEntry("BT01", 128).containsEntry("BT03", 129);
    assertThat(trials).containsEntry("BT13", 78).containsEntry("BT17", 78);
  }
}
