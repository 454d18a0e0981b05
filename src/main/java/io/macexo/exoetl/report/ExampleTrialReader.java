package io.macexo.exoetl.report;

import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.model.FeatureGroup;
import io.macexo.exoetl.model.OutputColumns;
import io.macexo.exoetl.model.OutputLayout;
import io.macexo.exoetl.model.PrepareResult;
import io.macexo.exoetl.model.Selection;
import io.macexo.exoetl.model.TaskFamily;
import io.macexo.exoetl.model.TrialId;
import io.macexo.exoetl.model.TrialSummary;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.filter2.predicate.FilterApi;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;

/**
 * Picks one written trial and reads its plotted matrices back from the output for the report's
 * example plot: the selection groups with one unit and at most {@value #MAX_PLOTTED_FEATURES}
 * features (by default the angles and the moments; the 24 IMU channels of mixed units are not). The
 * read is one filtered Parquet scan of the trial's participant folder with parquet-mr on the
 * driver, after the participant swap: one trial (at most about 1 MB) does not need a Spark job,
 * whose start cost about 2 s of every run.
 */
public final class ExampleTrialReader {
  /**
   * The family preferred for the example: its cyclic signals show a glance whether data is sane.
   */
  static final String PREFERRED_FAMILY = "normal_walk";

  /** Groups wider than this would draw a tangle of lines. */
  static final int MAX_PLOTTED_FEATURES = 12;

  // Field names of the standard Parquet list layout.
  private static final String LIST = "list";
  private static final String ELEMENT = "element";

  private ExampleTrialReader() {}

  /**
   * The written trial to plot: among {@code normal_walk} trials if there are any, else among all
   * written trials, the one whose length is nearest the median; ties go to the first by id.
   */
  public static Optional<TrialId> choose(PrepareResult result) {
    List<TrialSummary> written = result.trials().stream().filter(TrialSummary::written).toList();
    List<TrialSummary> preferred =
        written.stream()
            .filter(t -> TaskFamily.of(t.id().trial()).equals(PREFERRED_FAMILY))
            .toList();
    List<TrialSummary> candidates = preferred.isEmpty() ? written : preferred;
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    int[] lengths = candidates.stream().mapToInt(TrialSummary::sequenceLength).sorted().toArray();
    int median = TrialsSection.percentile(lengths, 0.5);
    return candidates.stream()
        .min(
            Comparator.<TrialSummary>comparingInt(t -> Math.abs(t.sequenceLength() - median))
                .thenComparing(TrialSummary::id))
        .map(TrialSummary::id);
  }

  /** Chooses a trial and reads it; empty when nothing was written. */
  public static Optional<ExampleTrial> read(
      FileSystem fs, OutputLayout layout, PrepareResult result, EtlConfig config)
      throws IOException {
    Optional<TrialId> chosen = choose(result);
    return chosen.isEmpty()
        ? Optional.empty()
        : Optional.of(read(fs, layout, chosen.get(), config));
  }

  /** Reads one trial's plotted matrices from {@code data/}. */
  public static ExampleTrial read(FileSystem fs, OutputLayout layout, TrialId id, EtlConfig config)
      throws IOException {
    List<FeatureGroup> plotted = plotted(config.selection());
    Group row = find(fs, layout, id, plotted);
    List<ExampleTrial.Matrix> matrices = new ArrayList<>();
    for (FeatureGroup group : plotted) {
      matrices.add(
          new ExampleTrial.Matrix(
              group.column(), group.unit(), group.features(), matrix(row, group.column())));
    }
    return new ExampleTrial(id.participant(), id.trial(), config.samplingRateHz(), matrices);
  }

  static List<FeatureGroup> plotted(Selection selection) {
    return selection.groups().stream()
        .filter(g -> !g.unit().isEmpty() && g.width() <= MAX_PLOTTED_FEATURES)
        .toList();
  }

  /**
   * The trial's row, projected to its name and the two plotted matrices. Only the participant's own
   * folder is opened, and a filter on the name skips the other rows' values.
   */
  private static Group find(
      FileSystem fs, OutputLayout layout, TrialId id, List<FeatureGroup> plotted)
      throws IOException {
    FilterCompat.Filter byName =
        FilterCompat.get(
            FilterApi.eq(
                FilterApi.binaryColumn(OutputColumns.TRIAL_NAME), Binary.fromString(id.trial())));
    for (FileStatus file : fs.listStatus(layout.participant(id.participant()))) {
      if (!file.isFile() || !file.getPath().getName().endsWith(OutputLayout.PARQUET)) {
        continue;
      }
      Configuration conf = new Configuration(fs.getConf());
      // The projection takes each column as the file declares it: a file written by Spark from
      // the DataFrame engine has optional columns where the per-trial engine's are required.
      conf.set(
          ReadSupport.PARQUET_READ_SCHEMA, projection(fileSchema(file, conf), plotted).toString());
      try (ParquetReader<Group> reader =
          ParquetReader.builder(new GroupReadSupport(), file.getPath())
              .withConf(conf)
              .withFilter(byName)
              .build()) {
        for (Group row = reader.read(); row != null; row = reader.read()) {
          if (row.getString(OutputColumns.TRIAL_NAME, 0).equals(id.trial())) {
            return row;
          }
        }
      }
    }
    throw new IOException("Trial " + id + " is not in " + layout.participant(id.participant()));
  }

  private static MessageType fileSchema(FileStatus file, Configuration conf) throws IOException {
    try (ParquetFileReader reader =
        ParquetFileReader.open(HadoopInputFile.fromStatus(file, conf))) {
      return reader.getFooter().getFileMetaData().getSchema();
    }
  }

  private static MessageType projection(MessageType file, List<FeatureGroup> plotted) {
    List<org.apache.parquet.schema.Type> fields = new ArrayList<>();
    fields.add(file.getType(OutputColumns.TRIAL_NAME));
    plotted.forEach(group -> fields.add(file.getType(group.column())));
    return new MessageType(file.getName(), fields);
  }

  /**
   * A matrix column of a row back to seq x width, through the standard three-level list layout
   * ({@code list} / {@code element}); a null value reads as NaN.
   */
  static float[][] matrix(Group row, String column) {
    if (row.getFieldRepetitionCount(column) == 0) {
      return new float[0][];
    }
    Group outer = row.getGroup(column, 0);
    float[][] matrix = new float[outer.getFieldRepetitionCount(LIST)][];
    for (int r = 0; r < matrix.length; r++) {
      Group element = outer.getGroup(LIST, r);
      if (element.getFieldRepetitionCount(ELEMENT) == 0) {
        matrix[r] = new float[0];
        continue;
      }
      Group inner = element.getGroup(ELEMENT, 0);
      matrix[r] = new float[inner.getFieldRepetitionCount(LIST)];
      for (int c = 0; c < matrix[r].length; c++) {
        Group leaf = inner.getGroup(LIST, c);
        matrix[r][c] =
            leaf.getFieldRepetitionCount(ELEMENT) == 0 ? Float.NaN : leaf.getFloat(ELEMENT, 0);
      }
    }
    return matrix;
  }
}
