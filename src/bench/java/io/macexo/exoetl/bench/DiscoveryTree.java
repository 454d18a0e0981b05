package io.macexo.exoetl.bench;

import io.macexo.exoetl.synth.Phase1Columns;
import io.macexo.exoetl.synth.SynthOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tree as wide as the Phase1 release (15 participants, 1,669 trials, 15 files a trial: 25,035
 * files) but tiny: every file holds only its header line, so it is written in seconds and discovery
 * sees every trial as readable. Trials per participant follow PHASE1.md (BT01 128, BT02 128, BT03
 * 129, the Phase 2 participants BT13 to BT17 78 each, the rest the remainder). Written once; a
 * marker file says it is complete.
 */
final class DiscoveryTree {
  static final int TRIALS = 1_669;
  private static final String MARKER = ".discovery-tree-complete";
  private static final int PHASE_TWO_TRIALS = 78;

  private DiscoveryTree() {}

  /** Trials per participant, in the release's order, summing to {@value #TRIALS}. */
  static Map<String, Integer> trialsPerParticipant() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    List<String> participants = SynthOptions.PHASE1_PARTICIPANTS;
    List<String> phaseTwo = List.of("BT13", "BT14", "BT15", "BT16", "BT17");
    Map<String, Integer> fixed = Map.of("BT01", 128, "BT02", 128, "BT03", 129);
    int fixedTotal = fixed.values().stream().mapToInt(Integer::intValue).sum();
    int remaining = TRIALS - fixedTotal - PHASE_TWO_TRIALS * phaseTwo.size();
    List<String> others =
        participants.stream()
            .filter(participant -> !fixed.containsKey(participant))
            .filter(participant -> !phaseTwo.contains(participant))
            .toList();
    for (int index = 0; index < participants.size(); index++) {
      String participant = participants.get(index);
      if (fixed.containsKey(participant)) {
        counts.put(participant, fixed.get(participant));
      } else if (phaseTwo.contains(participant)) {
        counts.put(participant, PHASE_TWO_TRIALS);
      } else {
        int position = others.indexOf(participant);
        int share = remaining / others.size() + (position < remaining % others.size() ? 1 : 0);
        counts.put(participant, share);
      }
    }
    return counts;
  }

  /** Writes the tree under {@code root} unless it is already complete; returns its file count. */
  static long ensure(Path root) throws IOException {
    if (Files.exists(root.resolve(MARKER))) {
      return (long) TRIALS * Phase1Columns.allKinds().size();
    }
    Folders.delete(root);
    long files = 0;
    for (Map.Entry<String, Integer> participant : trialsPerParticipant().entrySet()) {
      for (int index = 0; index < participant.getValue(); index++) {
        String trial = String.format(java.util.Locale.ROOT, "task_%d_%03d_on", index % 26, index);
        Path folder = root.resolve(participant.getKey()).resolve(trial);
        Files.createDirectories(folder);
        for (String kind : Phase1Columns.allKinds()) {
          Files.writeString(
              folder.resolve(Phase1Columns.fileName(participant.getKey(), trial, kind)),
              headerOf(kind),
              StandardCharsets.UTF_8);
          files++;
        }
      }
    }
    Files.writeString(root.resolve(MARKER), "complete\n");
    return files;
  }

  private static String headerOf(String kind) {
    List<String> columns =
        switch (kind) {
          case Phase1Columns.EXO_KIND -> Phase1Columns.EXO;
          case Phase1Columns.ANGLE_FILT_KIND -> Phase1Columns.ANGLE_FILT;
          case Phase1Columns.MOMENT_FILT_BIO_KIND -> Phase1Columns.MOMENT_FILT_BIO;
          default -> Phase1Columns.UNREAD_KINDS.get(kind);
        };
    return Phase1Columns.TIME + "," + String.join(",", columns) + "\n";
  }
}
