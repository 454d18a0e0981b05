package io.macexo.exoetl.assemble;

import static io.macexo.exoetl.model.OutputColumns.ANGLE_FEATURES;
import static io.macexo.exoetl.model.OutputColumns.IMU_FEATURES;
import static io.macexo.exoetl.model.OutputColumns.MASS_KG;
import static io.macexo.exoetl.model.OutputColumns.MOMENT_TARGETS;
import static io.macexo.exoetl.model.OutputColumns.PARTICIPANT;
import static io.macexo.exoetl.model.OutputColumns.SEQUENCE_LENGTH;
import static io.macexo.exoetl.model.OutputColumns.TRIAL_NAME;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.format_string;
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
import io.macexo.exoetl.model.FileKind;
import io.macexo.exoetl.model.ReasonCode;
import io.macexo.exoetl.read.ParsedColumns;
import io.macexo.exoetl.validate.IssueColumns;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Joins the three files of every trial on the timestep and aggregates each trial into one row of
 * float arrays, in time order. A pure transformation.
 *
 * <p>How: one full outer join per file kind on (participant, trial_name, step), so a step present
 * in one file and not another is seen (LENGTH_MISMATCH); then a group-by on (participant,
 * trial_name) that takes the smallest issue and the samples sorted by step ({@code sort_array} on a
 * struct whose first field is the step: never rely on collect_list order). Two shuffles of the
 * parsed rows; their width is {@code exo-etl.spark.shuffle-partitions}. A trial whose files hold
 * only headers becomes EMPTY_TRIAL.
 *
 * <p>The result has the dataset columns plus {@link IssueColumns#ISSUE}: null for a good trial.
 */
public final class TrialAssembler {
  private static final String PRESENT = "present_";
  private static final String SAMPLES = "samples";
  private static final String STEP = ParsedColumns.STEP;

  private TrialAssembler() {}

  public static Dataset<Row> assemble(Dataset<Row> flagged, EtlConfig config) {
    List<String> keys = List.of(PARTICIPANT, TRIAL_NAME, STEP);
    Dataset<Row> joined = null;
    for (FileKind kind : FileKind.values()) {
      Dataset<Row> side = side(flagged, kind);
      joined =
          joined == null
              ? side
              : joined.join(side, CollectionConverters.asScala(keys).toSeq(), "full_outer");
    }
    List<Column> issues = new ArrayList<>();
    for (FileKind kind : FileKind.values()) {
      issues.add(col(IssueColumns.ISSUE + "_" + kind.ordinal()));
    }
    issues.add(mismatch(config));
    Column rowIssue = least(issues.toArray(Column[]::new));
    Column sample =
        when(
            col(STEP).isNotNull().and(rowIssue.isNull()),
            struct(
                col(STEP),
                valuesOf(FileKind.EXO),
                valuesOf(FileKind.ANGLE),
                valuesOf(FileKind.MOMENT)));
    Dataset<Row> trials =
        joined
            .groupBy(PARTICIPANT, TRIAL_NAME)
            .agg(
                min(rowIssue).as(IssueColumns.ISSUE), sort_array(collect_list(sample)).as(SAMPLES));
    return trials.select(
        col(PARTICIPANT),
        col(TRIAL_NAME),
        massOf(config).as(MASS_KG),
        size(col(SAMPLES)).as(SEQUENCE_LENGTH),
        floats(FileKind.EXO).as(IMU_FEATURES),
        floats(FileKind.ANGLE).as(ANGLE_FEATURES),
        floats(FileKind.MOMENT).as(MOMENT_TARGETS),
        coalesce(col(IssueColumns.ISSUE), emptyTrial()).as(IssueColumns.ISSUE));
  }

  private static Dataset<Row> side(Dataset<Row> flagged, FileKind kind) {
    int k = kind.ordinal();
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

  private static Column valuesOf(FileKind kind) {
    return col(ParsedColumns.VALUES + "_" + kind.ordinal());
  }

  /** A data step that some file lacks. Header rows have no step and never count. */
  private static Column mismatch(EtlConfig config) {
    List<Column> present = new ArrayList<>();
    List<Column> absent = new ArrayList<>();
    Column all = lit(true);
    for (FileKind kind : FileKind.values()) {
      Column here = coalesce(col(PRESENT + kind.ordinal()), lit(false));
      present.add(when(here, lit(kind.suffix())));
      absent.add(when(not(here), lit(kind.suffix())));
      all = all.and(here);
    }
    Column seconds = format_string("%.3f", col(STEP).divide(config.samplingRateHz()));
    Column detail =
        concat(
            lit("time step "),
            col(STEP).cast("string"),
            lit(" (t = "),
            seconds,
            lit(" s) is in "),
            concat_ws(", ", present.toArray(Column[]::new)),
            lit(" but not in "),
            concat_ws(", ", absent.toArray(Column[]::new)));
    return when(
        col(STEP).isNotNull().and(not(all)),
        struct(
            lit(ReasonCode.LENGTH_MISMATCH.precedence()).as(IssueColumns.PRECEDENCE),
            lit(0).as(IssueColumns.KIND),
            col(STEP).as(IssueColumns.LINE),
            lit(ReasonCode.LENGTH_MISMATCH.name()).as(IssueColumns.CODE),
            detail.as(IssueColumns.DETAIL)));
  }

  private static Column emptyTrial() {
    return when(
        size(col(SAMPLES)).equalTo(0),
        struct(
            lit(ReasonCode.EMPTY_TRIAL.precedence()).as(IssueColumns.PRECEDENCE),
            lit(0).as(IssueColumns.KIND),
            lit(0L).as(IssueColumns.LINE),
            lit(ReasonCode.EMPTY_TRIAL.name()).as(IssueColumns.CODE),
            lit("the three files have headers but no data rows").as(IssueColumns.DETAIL)));
  }

  /** The samples' values of one file as a (seq x width) float matrix. */
  private static Column floats(FileKind kind) {
    String field = ParsedColumns.VALUES + "_" + kind.ordinal();
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
