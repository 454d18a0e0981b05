package io.macexo.exoetl.synth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Turns a {@link TrialPlan} into the content of each of its files: which columns in which order,
 * where NaN goes, which rows carry a flaw. Pure: the file-level defects (a missing, empty,
 * compressed or truncated file) are the {@link TrialWriter}'s business.
 */
final class TrialContents {
  /** The unread file kinds hold a few rows only: nobody reads them, they just have to exist. */
  private static final int UNREAD_ROWS = 5;

  private final TrialPlan plan;
  private final TrialMotion motion;

  TrialContents(TrialPlan plan) {
    this.plan = plan;
    this.motion = TrialMotion.draw(plan.seed());
  }

  /** The exo file: the logger's double clock, dropouts, and the row-level defects of exo. */
  TableContent exo() {
    List<NanRegion> regions =
        plan.quirks()
            .exoDropout()
            .map(span -> List.of(new NanRegion(span, Phase1Columns.EXO)))
            .orElse(List.of());
    TableContent content =
        table(
            Phase1Columns.EXO,
            TableContent.TimeStyle.ACCUMULATED_DOUBLE,
            plan.quirks().nanSpellings().exo(),
            regions);
    if (plan.quirks().textInUnselectedColumn()) {
      content =
          content.withEdit(
              RowEdit.cellText(
                  QuirkPlanner.textRow(),
                  TrialQuirks.UNSELECTED_TEXT_COLUMN,
                  TrialQuirks.UNSELECTED_TEXT));
    }
    if (plan.is(Defect.SHORT_ROW)) {
      content = content.withEdit(RowEdit.dropLastField(Defect.SHORT_ROW_INDEX));
    }
    if (plan.is(Defect.TEXT_IN_SELECTED_COLUMN)) {
      content =
          content.withEdit(
              RowEdit.cellText(plan.rows() / 3, Defect.TEXT_COLUMN, Defect.TEXT_VALUE));
    }
    if (plan.is(Defect.DUPLICATE_TIMESTEP)) {
      content = content.withEdit(RowEdit.repeatPreviousRow(plan.rows() / 2));
    }
    return content;
  }

  /** The angle_filt file: columns shuffled in some trials, one column lost in MISSING_COLUMN. */
  TableContent angle() {
    List<String> columns = new ArrayList<>(Phase1Columns.ANGLE_FILT);
    if (plan.quirks().shuffledAngles()) {
      Collections.shuffle(columns, new Random(Seeds.derive(plan.seed(), "angle column order")));
    }
    if (plan.is(Defect.MISSING_COLUMN)) {
      columns.remove(Defect.MISSING_COLUMN_NAME);
    }
    return table(
        columns,
        TableContent.TimeStyle.MILLISECONDS,
        plan.quirks().nanSpellings().angle(),
        List.of());
  }

  /** The moment_filt_bio file: NaN blocks, a NaN side, and the moment defects. */
  TableContent moment() {
    List<NanRegion> regions = new ArrayList<>();
    for (RowSpan block : plan.quirks().momentNanBlocks()) {
      regions.add(new NanRegion(block, Phase1Columns.MOMENT_FILT_BIO));
    }
    plan.quirks()
        .nanMomentSide()
        .ifPresent(
            side -> regions.add(new NanRegion(RowSpan.whole(plan.rows()), sideColumns(side))));
    TableContent content =
        table(
            Phase1Columns.MOMENT_FILT_BIO,
            TableContent.TimeStyle.MILLISECONDS,
            plan.quirks().nanSpellings().moment(),
            regions);
    if (plan.is(Defect.INFINITY)) {
      content =
          content.withEdit(
              RowEdit.cellText(plan.rows() / 2, Defect.INFINITY_COLUMN, Defect.INFINITY_TEXT));
    }
    if (plan.is(Defect.LENGTH_MISMATCH)) {
      content = content.withRows(plan.rows() - Defect.MISSING_TAIL_ROWS);
    }
    return content;
  }

  /** A file nobody reads: its invented header and a few rows. */
  TableContent unread(String kind) {
    List<String> columns = Phase1Columns.UNREAD_KINDS.get(kind);
    if (columns == null) {
      throw new IllegalArgumentException("no unread file kind " + kind);
    }
    return table(columns, TableContent.TimeStyle.MILLISECONDS, NanSpellings.EMPTY, List.of())
        .withRows(Math.min(UNREAD_ROWS, plan.rows()));
  }

  private TableContent table(
      List<String> columns, TableContent.TimeStyle style, String nanText, List<NanRegion> regions) {
    return new TableContent(
        columns, style, plan.rows(), plan.firstSample(), nanText, regions, List.of(), motion);
  }

  private static List<String> sideColumns(String side) {
    String suffix = "_" + side + Phase1Columns.MOMENT_SUFFIX;
    return Phase1Columns.MOMENT_FILT_BIO.stream()
        .filter(column -> column.endsWith(suffix))
        .toList();
  }
}
