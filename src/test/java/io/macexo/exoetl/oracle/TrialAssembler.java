package io.macexo.exoetl.oracle;

import static io.macexo.exoetl.model.OutputColumns.MASS_KG;
import static io.macexo.exoetl.model.OutputColumns.PARTICIPANT;
import static io.macexo.exoetl.model.OutputColumns.SEQUENCE_LENGTH;
import static io.macexo.exoetl.model.OutputColumns.TRIAL_NAME;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.model.ReasonCode;
import io.macexo.exoetl.model.Selection;
import io.macexo.exoetl.oracle.IssueColumns.What;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The oracle's join: the files of every trial joined on the time step and each trial aggregated
 * into one row of float arrays, in time order. A pure transformation.
 *
 * <p>How: one full outer join per selection group on (participant, trial_name, step), so a step
 * present in one file and not another is seen (LENGTH_MISMATCH); then a group-by on (participant,
 * trial_name) that takes the smallest issue and the samples sorted by step ({@code sort_array} on a
 * struct whose first field is the step: never rely on collect_list order). A trial whose files hold
 * only headers becomes EMPTY_TRIAL.
 *
 * <p>The result has the dataset columns plus {@link IssueColumns#ISSUE}: null for a good trial.
 */
final class TrialAssembler {
  private static final String PRESENT = "present_";
  private static final String SAMPLES = "samples";
  private static final String STEP = ParsedColumns.STEP;

  private TrialAssembler() {}

  static Dataset<Row> assemble(Dataset<Row> flagged, EtlConfig config) {
    Selection selection = config.selection();
    List<String> keys = List.of(PARTICIPANT, TRIAL_NAME, STEP);
    Dataset<Row> joined = null;
    for (int k = 0; k < selection.size(); k++) {
      Dataset<Row> side = side(flagged, k);
      joined =
          joined == null
              ? side
              : joined.join(side, CollectionConverters.asScala(keys).toSeq(), "full_outer");
    }
    List<Column> issues = new ArrayList<>();
    List<Column> values = new ArrayList<>(List.of(col(STEP)));
    for (int k = 0; k < selection.size(); k++) {
      issues.add(col(IssueColumns.ISSUE + "_" + k));
      values.add(col(ParsedColumns.VALUES + "_" + k));
    }
    issues.add(mismatch(selection));
    Column rowIssue = least(issues.toArray(Column[]::new));
    Column sample =
        when(col(STEP).isNotNull().and(rowIssue.isNull()), struct(values.toArray(Column[]::new)));
    Dataset<Row> trials =
        joined
            .groupBy(PARTICIPANT, TRIAL_NAME)
            .agg(
                min(rowIssue).as(IssueColumns.ISSUE), sort_array(collect_list(sample)).as(SAMPLES));
    List<Column> columns =
        new ArrayList<>(
            List.of(
                col(PARTICIPANT),
                col(TRIAL_NAME),
                massOf(config).as(MASS_KG),
                size(col(SAMPLES)).as(SEQUENCE_LENGTH)));
    for (int k = 0; k < selection.size(); k++) {
      columns.add(floats(k).as(selection.group(k).column()));
    }
    columns.add(coalesce(col(IssueColumns.ISSUE), emptyTrial()).as(IssueColumns.ISSUE));
    return trials.select(columns.toArray(Column[]::new));
  }

  private static Dataset<Row> side(Dataset<Row> flagged, int k) {
    return flagged
        .where(col(ParsedColumns.KIND).equalTo(k))
        .select(
            col(PARTICIPANT),
            col(TRIAL_NAME),
            col(STEP),
            col(ParsedColumns.VALUES).as(ParsedColumns.VALUES + "_" + k),
            col(IssueColumns.ISSUE).as(IssueColumns.ISSUE + "_" + k),
            not(col(ParsedColumns.IS_HEADER)).as(PRESENT + k));
  }

  /** A data step that some file lacks. Header rows have no step and never count. */
  private static Column mismatch(Selection selection) {
    List<Column> present = new ArrayList<>();
    List<Column> absent = new ArrayList<>();
    Column all = lit(true);
    for (int k = 0; k < selection.size(); k++) {
      Column here = coalesce(col(PRESENT + k), lit(false));
      present.add(when(here, lit(selection.group(k).file())));
      absent.add(when(not(here), lit(selection.group(k).file())));
      all = all.and(here);
    }
    return when(
        col(STEP).isNotNull().and(not(all)),
        trialIssue(ReasonCode.LENGTH_MISMATCH, What.MISMATCH, col(STEP))
            .withField(IssueColumns.PRESENT, concat_ws(", ", present.toArray(Column[]::new)))
            .withField(IssueColumns.ABSENT, concat_ws(", ", absent.toArray(Column[]::new))));
  }

  private static Column emptyTrial() {
    return when(
        size(col(SAMPLES)).equalTo(0),
        trialIssue(ReasonCode.EMPTY_TRIAL, What.EMPTY_TRIAL, lit(0L)));
  }

  /** An issue of the whole trial: file 0, at {@code line}. */
  private static Column trialIssue(ReasonCode code, What what, Column line) {
    return struct(
        lit(code.precedence()).as(IssueColumns.PRECEDENCE),
        lit(0).as(IssueColumns.KIND),
        line.cast("long").as(IssueColumns.LINE),
        lit(code.name()).as(IssueColumns.CODE),
        lit(what.name()).as(IssueColumns.WHAT),
        lit(null).cast("string").as(IssueColumns.COLUMN),
        lit(null).cast("long").as(IssueColumns.FIRST),
        lit(null).cast("long").as(IssueColumns.SECOND),
        lit(null).cast("string").as(IssueColumns.PRESENT),
        lit(null).cast("string").as(IssueColumns.ABSENT),
        lit(null).cast("string").as(IssueColumns.DETAIL));
  }

  /** The samples' values of one file as a (seq x width) float matrix. */
  private static Column floats(int k) {
    String field = ParsedColumns.VALUES + "_" + k;
    return expr("transform(" + SAMPLES + ", s -> cast(s." + field + " as array<float>))");
  }

  private static Column massOf(EtlConfig config) {
    List<Column> entries = new ArrayList<>();
    config
        .massesKg()
        .forEach(
            (participant, mass) -> {
              entries.add(lit(participant));
              entries.add(lit(mass));
            });
    return element_at(map(entries.toArray(Column[]::new)), col(PARTICIPANT));
  }
}
