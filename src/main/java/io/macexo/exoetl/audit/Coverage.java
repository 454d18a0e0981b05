package io.macexo.exoetl.audit;

import io.macexo.exoetl.model.OutputLayout;
import io.macexo.exoetl.model.PartitionValues;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.fs.Path;

/**
 * How much of the data the checks see once broken files are left out: whole, all but some
 * participants' folders, or unknown (a broken file outside any participant folder might hold
 * anyone's rows). metadata.json and stats.json describe the whole output, so they are compared with
 * the data only where it was read whole; the row checks need no such care.
 *
 * @param incomplete participants with a data file left out
 * @param attributable false when a left-out file is in no participant folder
 */
record Coverage(Set<String> incomplete, boolean attributable) {
  Coverage {
    incomplete = Set.copyOf(incomplete);
  }

  /** The coverage of the data without the given files. */
  static Coverage without(List<Path> leftOut) {
    Set<String> incomplete = new HashSet<>();
    boolean attributable = true;
    for (Path file : leftOut) {
      Optional<String> participant = participantOf(file.getParent().getName());
      participant.ifPresent(incomplete::add);
      attributable &= participant.isPresent();
    }
    return new Coverage(incomplete, attributable);
  }

  /** True when every data file was read. */
  boolean whole() {
    return incomplete.isEmpty() && attributable;
  }

  /** True when all of the participant's data was read. */
  boolean covers(String participant) {
    return attributable && !incomplete.contains(participant);
  }

  /** The participant of a folder under data/, in the current layout or the legacy one. */
  private static Optional<String> participantOf(String folder) {
    return folder.startsWith(OutputLayout.LEGACY_FOLDER_PREFIX)
        ? Optional.of(
            PartitionValues.unescape(folder.substring(OutputLayout.LEGACY_FOLDER_PREFIX.length())))
        : OutputLayout.participantOf(folder);
  }
}
