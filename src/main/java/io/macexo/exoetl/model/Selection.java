package io.macexo.exoetl.model;

import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What each output row holds besides its four fixed columns: one array column per {@link
 * FeatureGroup}, in order (the inputs, then the targets), each read from its own file of the trial
 * and joined on the time step. The default is the three files of PHASE1.md: {@code exo} (24 IMU
 * features), {@code angle_filt} (4 angles) and {@code moment_filt_bio} (4 moments).
 *
 * @param timeColumn the time column every file starts with; the files are joined on {@code
 *     round(time x rate)}
 */
public record Selection(String timeColumn, List<FeatureGroup> groups) implements Serializable {
  public Selection {
    groups = List.copyOf(groups);
    if (timeColumn == null || timeColumn.isBlank()) {
      throw new IllegalArgumentException("exo-etl.time-column: must not be blank");
    }
    if (groups.isEmpty()) {
      throw new IllegalArgumentException("exo-etl.selection.groups: must name at least one group");
    }
    Set<String> files = new HashSet<>();
    Set<String> columns = new HashSet<>(OutputColumns.FIXED);
    for (FeatureGroup group : groups) {
      if (!files.add(group.file())) {
        throw new IllegalArgumentException(
            "exo-etl.selection."
                + group.name()
                + ".file: file kind '"
                + group.file()
                + "' is read by another group already");
      }
      if (!columns.add(group.column())) {
        throw new IllegalArgumentException(
            "exo-etl.selection."
                + group.name()
                + ".column: '"
                + group.column()
                + "' is another column's name");
      }
    }
  }

  /** The array column names, in output order. */
  public List<String> columns() {
    return groups.stream().map(FeatureGroup::column).toList();
  }

  /** The width of each array, in output order. */
  public List<Integer> widths() {
    return groups.stream().map(FeatureGroup::width).toList();
  }

  /** Features over all groups. */
  public int featureCount() {
    return groups.stream().mapToInt(FeatureGroup::width).sum();
  }

  public int size() {
    return groups.size();
  }

  public FeatureGroup group(int index) {
    return groups.get(index);
  }
}
