package io.macexo.exoetl.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.macexo.exoetl.model.TrialFiles;
import io.macexo.exoetl.model.TrialId;
import io.macexo.exoetl.testing.FileKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TrialSlicesTest {
  @Test
  void everyTrialIsInExactlyOneContiguousSliceAndTheLargestComeFirst() {
    Random random = new Random(3);
    for (int round = 0; round < 50; round++) {
      List<TrialFiles> trials = trials(1 + random.nextInt(400), random);
      int parallelism = 1 + random.nextInt(16);
      List<TrialSlices.Slice> slices = TrialSlices.of(trials, parallelism);

      List<TrialFiles> flattened = new ArrayList<>();
      slices.stream()
          .sorted(Comparator.comparingInt(TrialSlices.Slice::order))
          .forEach(slice -> flattened.addAll(slice.trials()));
      assertThat(flattened).as("contiguous, each trial once").isEqualTo(trials);
      assertThat(slices).allSatisfy(slice -> assertThat(slice.trials()).isNotEmpty());
      assertThat(slices.stream().map(TrialSlices.Slice::order).sorted().toList())
          .isEqualTo(java.util.stream.IntStream.range(0, slices.size()).boxed().toList());
      int wanted = Math.max(2 * parallelism, (trials.size() + 15) / TrialSlices.TRIALS_PER_SLICE);
      int multiple = (wanted + parallelism - 1) / parallelism * parallelism;
      assertThat(slices.size()).isEqualTo(Math.min(trials.size(), multiple));
      for (int i = 1; i < slices.size(); i++) {
        assertThat(slices.get(i).bytes()).isLessThanOrEqualTo(slices.get(i - 1).bytes());
      }
    }
  }

  @Test
  void slicesHoldAboutEqualBytesNotEqualTrialCounts() {
    List<TrialFiles> trials = new ArrayList<>();
    // 40 long trials then 120 short ones of a tenth the size.
    for (int i = 0; i < 160; i++) {
      trials.add(trial(String.format("t%03d", i), i < 40 ? 10_000_000 : 1_000_000));
    }
    List<TrialSlices.Slice> slices = TrialSlices.of(trials, 2);
    long total = trials.stream().mapToLong(TrialFiles::bytes).sum();
    long share = total / slices.size();
    assertThat(slices).hasSize(10);
    for (TrialSlices.Slice slice : slices) {
      assertThat(slice.bytes()).isBetween(share - 10_000_000, share + 10_000_000);
    }
    assertThat(slices.get(0).trials())
        .hasSizeLessThan(slices.get(slices.size() - 1).trials().size());
  }

  @Test
  void noTrialsNoSlices() {
    assertThat(TrialSlices.of(List.of(), 4)).isEmpty();
  }

  private static List<TrialFiles> trials(int count, Random random) {
    List<TrialFiles> trials = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      trials.add(
          trial(
              String.format("t%04d", i), random.nextInt(5) == 0 ? 0 : random.nextInt(50_000_000)));
    }
    return trials;
  }

  private static TrialFiles trial(String name, long bytes) {
    List<String> paths = new java.util.ArrayList<>();
    for (FileKind kind : FileKind.values()) {
      paths.add("/in/BT01/" + name + "/" + kind.suffix() + ".csv");
    }
    return new TrialFiles(new TrialId("BT01", name), paths, bytes);
  }
}
