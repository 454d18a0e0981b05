package io.macexo.exoetl.hub;

import io.macexo.exoetl.hub.SyncPlan.Change;
import java.util.List;

/**
 * Commit titles, so the Hub's history reads as what happened: "Add BT01 (28 files)", "Update BT02,
 * BT03 (56 files, 56 deleted)", "Add BT01 to BT09 (9 participants, 252 files)", "Update BT15 and
 * the dataset card (29 files)", "Update dataset card (README.md, metadata.json)", "Add BT01 [part
 * 2] (50 files)", and "Record the sync manifest" for a commit that writes only the manifest. Pure.
 */
final class CommitTitles {
  static final String MANIFEST_ONLY = "Record the sync manifest";
  private static final int NAMES_LISTED = 4;

  private CommitTitles() {}

  static String summary(List<Change> changes) {
    List<Change> groups = changes.stream().filter(change -> !change.isCard()).toList();
    Change card = changes.stream().filter(Change::isCard).findFirst().orElse(null);
    if (groups.isEmpty()) {
      return card == null ? MANIFEST_ONLY : card(card);
    }
    int adds = changes.stream().mapToInt(change -> change.adds().size()).sum();
    int deletes = changes.stream().mapToInt(change -> change.deletes().size()).sum();
    String verb = deletes == 0 ? "Add " : adds == 0 ? "Delete " : "Update ";
    int part = groups.size() == 1 ? groups.get(0).part() : 0;
    return verb
        + names(groups)
        + (card == null ? "" : " and the dataset card")
        + (part > 0 ? " [part " + part + "]" : "")
        + " ("
        + (groups.size() > NAMES_LISTED ? groups.size() + " participants, " : "")
        + (adds == 0 || deletes == 0
            ? files(adds + deletes)
            : files(adds) + ", " + deletes + " deleted")
        + ")";
  }

  /** "Update dataset card (README.md, metadata.json; deleted stats.json)". */
  private static String card(Change card) {
    String added = String.join(", ", card.adds().stream().map(LocalFile::path).toList());
    String deleted = card.deletes().isEmpty() ? "" : "deleted " + String.join(", ", card.deletes());
    return "Update dataset card ("
        + added
        + (added.isEmpty() || deleted.isEmpty() ? "" : "; ")
        + deleted
        + ")";
  }

  private static String names(List<Change> groups) {
    if (groups.size() > NAMES_LISTED) {
      return groups.get(0).group() + " to " + groups.get(groups.size() - 1).group();
    }
    return String.join(", ", groups.stream().map(Change::group).toList());
  }

  private static String files(int count) {
    return count + (count == 1 ? " file" : " files");
  }
}
