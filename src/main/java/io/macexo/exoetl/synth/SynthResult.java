package io.macexo.exoetl.synth;

import io.macexo.exoetl.model.ReasonCode;
import io.macexo.exoetl.model.TrialId;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@link SynthGenerator#generate} wrote.
 *
 * @param root the generated tree's root folder
 * @param participants participant folders written, the unknown participant BT99 of --defects
 *     included
 * @param trials trial folders written, defect trials included
 * @param files every file written, the stray LICENSE and .DS_Store included
 * @param bytes the size of all those files
 * @param intendedRejects every defect trial and the reason code it is built to trigger under the
 *     default nan-policy (keep), sorted by trial; empty without --defects
 */
public record SynthResult(
    Path root,
    int participants,
    int trials,
    long files,
    long bytes,
    Map<TrialId, ReasonCode> intendedRejects) {
  public SynthResult {
    intendedRejects = Collections.unmodifiableMap(new TreeMap<>(intendedRejects));
  }
}
