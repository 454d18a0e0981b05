package io.macexo.exoetl.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The generator's families (with lengths and quirks) and the job's classification list describe the
 * same 26 families; this keeps the two from drifting apart.
 */
class TaskFamilyAgreementTest {
  @Test
  void theGeneratorAndTheJobKnowTheSameFamilies() {
    assertThat(Arrays.stream(TaskFamily.values()).map(TaskFamily::task))
        .containsExactlyInAnyOrderElementsOf(io.macexo.exoetl.model.TaskFamily.NAMES);
    for (TaskFamily family : TaskFamily.values()) {
      assertThat(io.macexo.exoetl.model.TaskFamily.of(family.task() + "_1_1_on"))
          .isEqualTo(family.task());
    }
  }
}
