package io.macexo.exoetl.synth;

import io.macexo.exoetl.model.TrialId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Decides every trial of a synthetic tree (names, families, lengths, quirks, defects) without
 * touching the file system, so the plan can be tested on its own and written in any order.
 *
 * <p>Each participant draws from its own seed, and each trial from its participant's seed and
 * position: BT02 gets the same trials whether it is generated alone or with all others.
 */
final class SynthPlanner {
  /** Earliest first sample: captures start some seconds in (10 s at 200 Hz). */
  private static final int FIRST_SAMPLE_MINIMUM = 2_000;

  /** Spread of first samples, so captures start between 10 s and 120 s. */
  private static final int FIRST_SAMPLE_SPREAD = 22_000;

  private SynthPlanner() {}

  /**
   * All trials, participant by participant; with defects, the defect trials (BT99's too) follow the
   * first's.
   */
  static List<TrialPlan> plan(SynthOptions options) {
    List<TrialPlan> plans = new ArrayList<>();
    for (int index = 0; index < options.participants().size(); index++) {
      String participant = options.participants().get(index);
      plans.addAll(goodTrials(options, participant, index == 0));
      if (options.defects() && index == 0) {
        for (Defect defect : Defect.values()) {
          String folder =
              defect == Defect.UNKNOWN_PARTICIPANT ? Defect.UNKNOWN_PARTICIPANT_NAME : participant;
          plans.add(defectTrial(options, folder, defect));
        }
      }
    }
    return List.copyOf(plans);
  }

  private static List<TrialPlan> goodTrials(
      SynthOptions options, String participant, boolean firstParticipant) {
    long participantSeed = Seeds.derive(options.seed(), participant);
    List<TaskFamily> families = shuffledFamilies(new SplittableRandom(participantSeed));
    Set<String> taken = new HashSet<>();
    List<TrialPlan> plans = new ArrayList<>();
    for (int index = 0; index < options.trialsPerParticipant(); index++) {
      SplittableRandom random = new SplittableRandom(Seeds.derive(participantSeed, index));
      // Cycling through a shuffled list shows every family (and its quirks) even in small runs.
      TaskFamily family = families.get(index % families.size());
      String name = uniqueName(family, random, taken);
      int rows = rows(family, options.scale(), random);
      boolean withText = firstParticipant && index == 0;
      TrialQuirks quirks = QuirkPlanner.draw(family, rows, index, withText, random);
      TrialId id = new TrialId(participant, name);
      plans.add(
          new TrialPlan(
              id, family, rows, firstSample(random), random.nextLong(), quirks, Optional.empty()));
    }
    return plans;
  }

  private static TrialPlan defectTrial(SynthOptions options, String participant, Defect defect) {
    SplittableRandom random =
        new SplittableRandom(Seeds.derive(options.seed(), defect.trialName()));
    TaskFamily family = TaskFamily.NORMAL_WALK;
    int rows = defect == Defect.EMPTY_TRIAL ? 0 : rows(family, options.scale(), random);
    TrialQuirks quirks = TrialQuirks.none(QuirkPlanner.drawSpellings(random));
    TrialId id = new TrialId(participant, defect.trialName());
    return new TrialPlan(
        id, family, rows, firstSample(random), random.nextLong(), quirks, Optional.of(defect));
  }

  private static List<TaskFamily> shuffledFamilies(SplittableRandom random) {
    TaskFamily[] families = TaskFamily.values();
    for (int index = families.length - 1; index > 0; index--) {
      int other = random.nextInt(index + 1);
      TaskFamily kept = families[index];
      families[index] = families[other];
      families[other] = kept;
    }
    return Arrays.asList(families);
  }

  /** A drawn name, moved to a later session when it is taken: unique without unbounded retries. */
  private static String uniqueName(TaskFamily family, SplittableRandom random, Set<String> taken) {
    TrialName name = TrialName.draw(family, random);
    int session = name.session();
    while (taken.contains(name.text())) {
      name = name.withSession(++session);
    }
    taken.add(name.text());
    return name.text();
  }

  private static int rows(TaskFamily family, double scale, SplittableRandom random) {
    int fullLength =
        family.minimumRows() + random.nextInt(family.maximumRows() - family.minimumRows() + 1);
    return (int) Math.max(SynthOptions.MINIMUM_ROWS, Math.round(fullLength * scale));
  }

  private static long firstSample(SplittableRandom random) {
    return FIRST_SAMPLE_MINIMUM + random.nextInt(FIRST_SAMPLE_SPREAD);
  }
}
