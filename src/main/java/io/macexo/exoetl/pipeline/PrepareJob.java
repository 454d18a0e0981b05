package io.macexo.exoetl.pipeline;

import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.discover.DiscoveredInput;
import io.macexo.exoetl.discover.TrialDiscovery;
import io.macexo.exoetl.model.IncrementalPlan;
import io.macexo.exoetl.model.Locations;
import io.macexo.exoetl.model.Manifest;
import io.macexo.exoetl.model.OutputLayout;
import io.macexo.exoetl.model.PrepareResult;
import io.macexo.exoetl.model.TrialFiles;
import io.macexo.exoetl.model.TrialSummary;
import io.macexo.exoetl.report.ExampleTrialReader;
import io.macexo.exoetl.report.ReportInputs;
import io.macexo.exoetl.write.LayoutMigration;
import io.macexo.exoetl.write.ManifestStore;
import io.macexo.exoetl.write.OutputClaim;
import io.macexo.exoetl.write.OutputFiles;
import io.macexo.exoetl.write.OutputLock;
import io.macexo.exoetl.write.ParticipantSwap;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The prepare run, sequenced in one place: discover (driver) → lock the output → plan against the
 * manifest (new, changed, unchanged, removed participants) → one Spark job over the trials of new
 * and changed participants, written to {@code _staging/} → swap their folders into {@code data/} →
 * rejects, metadata, stats, splits, card and manifest for the whole output → {@code _SUCCESS} last
 * → unlock.
 *
 * <p>A run that finds nothing to do touches no file and starts no Spark job. Everything before the
 * swap only adds files under {@code _staging/}, so a run that dies early leaves the previous output
 * as it was; {@link ParticipantSwap#recoverInterrupted()} repairs one that died during the swap.
 */
public final class PrepareJob {
  private final SparkSession spark;
  private final PrepareOptions options;
  private final EtlConfig config;
  private final RunProgress progress;
  private final TrialEngine engine;

  public PrepareJob(SparkSession spark, PrepareOptions options) {
    this(spark, options, RunProgress.NONE);
  }

  /** A run that reports its stage and trials done to {@code progress}. */
  public PrepareJob(SparkSession spark, PrepareOptions options, RunProgress progress) {
    this(spark, options, progress, new PerTrialEngine());
  }

  /** A run with another engine (the tests' DataFrame oracle). */
  public PrepareJob(
      SparkSession spark, PrepareOptions options, RunProgress progress, TrialEngine engine) {
    this.spark = spark;
    this.options = options;
    this.config = options.config();
    this.progress = progress;
    this.engine = engine;
  }

  private void stage(RunProgress.Stage stage) {
    progress.stage(stage);
  }

  public PrepareResult execute() throws IOException {
    Instant started = Instant.now();
    String runId =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC).format(started)
            + "-"
            + UUID.randomUUID().toString().substring(0, 8);
    spark
        .sparkContext()
        .setJobGroup(
            "exo-etl-prepare-" + runId,
            "exo-etl prepare " + options.input() + " -> " + options.output(),
            false);
    try {
      stage(RunProgress.Stage.DISCOVERING);
      Path inputRoot = Locations.root(options.input());
      FileSystem inputFs = inputRoot.getFileSystem(spark.sparkContext().hadoopConfiguration());
      DiscoveredInput input =
          new TrialDiscovery(inputFs, config).discover(inputRoot, options.participants());
      Path outputRoot = Locations.root(options.output());
      FileSystem outputFs = outputRoot.getFileSystem(spark.sparkContext().hadoopConfiguration());
      OutputLayout layout = new OutputLayout(outputFs.makeQualified(outputRoot));
      OutputClaim.check(outputFs, layout);
      try (OutputLock lock =
          OutputLock.acquire(outputFs, layout.lock(), runId, config.lockStaleAfter())) {
        ParticipantSwap swap = new ParticipantSwap(outputFs, layout);
        swap.recoverInterrupted();
        List<String> migrated = LayoutMigration.migrate(outputFs, layout);
        return run(
            new RunContext(runId, started, input, inputFs, inputRoot, outputFs, layout, migrated),
            swap);
      }
    } finally {
      spark.sparkContext().clearJobGroup();
    }
  }

  /** What one run works with, passed between its steps. */
  private record RunContext(
      String runId,
      Instant started,
      DiscoveredInput input,
      FileSystem inputFs,
      Path inputRoot,
      FileSystem outputFs,
      OutputLayout layout,
      List<String> migrated) {}

  private PrepareResult run(RunContext run, ParticipantSwap swap) throws IOException {
    Optional<Manifest> stored = ManifestStore.read(run.outputFs(), run.layout().manifest());
    // --full re-reads every participant in the input; what the output holds besides still counts.
    Optional<Manifest> previous = options.full() ? Optional.empty() : stored;
    String settings = Fingerprints.settings(config);
    Map<String, String> fingerprints = fingerprints(run);
    IncrementalPlan plan =
        IncrementalPlanner.plan(
            fingerprints,
            previous,
            stored,
            settings,
            missingData(run, previous),
            options.participants().isEmpty(),
            options.prune());
    if (plan.nothingToDo()
        && previous.isPresent()
        && run.outputFs().exists(run.layout().successMarker())) {
      return result(run, previous.get(), plan, 0);
    }
    List<String> process = plan.toProcess();
    List<TrialFiles> readable = run.input().readableOf(process);
    List<TrialSummary> outcomes =
        new ArrayList<>(
            run.input().rejectsOf(process).stream().map(TrialSummary::rejected).toList());
    if (!readable.isEmpty()) {
      progress.total(readable.size());
      stage(RunProgress.Stage.READING);
      String staging = Locations.text(run.layout().staging(run.runId()));
      outcomes.addAll(engine.run(spark, new TrialEngine.Work(readable, staging, config, progress)));
    }
    stage(RunProgress.Stage.FINISHING);
    // Against the stored manifest, even under --full: what the output holds must not be lost to a
    // failed read.
    List<String> heldBack = ManifestMerge.heldBack(stored, process, outcomes, options.prune());
    for (String participant : heldBack) {
      run.outputFs()
          .delete(
              new Path(run.layout().staging(run.runId()), OutputLayout.folderName(participant)),
              true);
    }
    plan = plan.withHeldBack(heldBack);
    run.outputFs().delete(run.layout().successMarker(), false);
    Set<String> stale = new HashSet<>(process);
    stale.addAll(plan.removed());
    stale.removeAll(heldBack);
    swap.swap(run.runId(), stale);
    Map<String, Manifest.ParticipantEntry> entries = entries(run, process, outcomes, fingerprints);
    for (String participant : heldBack) {
      entries.put(participant, ManifestMerge.toRetry(stored.get().participants().get(participant)));
    }
    Manifest manifest = ManifestMerge.merge(stored, settings, entries, plan.removed());
    long readBytes = readable.stream().mapToLong(TrialFiles::bytes).sum();
    PrepareResult result = result(run, manifest, plan, readBytes);
    new ArtifactsWriter(spark, run.outputFs(), run.layout(), config).write(result, manifest);
    writeReport(run, result);
    OutputFiles.writeString(run.outputFs(), run.layout().successMarker(), run.runId() + "\n");
    return result;
  }

  /** The run report; it reads one example trial back from the participant's folder. */
  private void writeReport(RunContext run, PrepareResult result) throws IOException {
    ReportInputs inputs =
        new ReportInputs(
            result,
            config.samplingRateHz(),
            scala.jdk.javaapi.CollectionConverters.asJava(spark.conf().getAll()),
            ReportWriter.readJsonIfPresent(run.outputFs(), run.layout().stats()),
            ExampleTrialReader.read(run.outputFs(), run.layout(), result, config).orElse(null));
    ReportWriter.write(run.outputFs(), run.layout(), inputs);
  }

  private Map<String, String> fingerprints(RunContext run) throws IOException {
    Map<String, String> fingerprints = new TreeMap<>();
    for (String participant : run.input().participants()) {
      Map<String, String> hashes =
          options.verifyContent()
              ? ContentHashes.of(
                  run.inputFs(), run.inputRoot(), run.input().inputs().get(participant))
              : Map.of();
      fingerprints.put(
          participant,
          Fingerprints.participant(
              run.input().inputs().get(participant),
              config.massOf(participant).orElse(null),
              hashes));
    }
    return fingerprints;
  }

  /**
   * Participants whose manifest lists data files that are no longer there (repaired by
   * re-processing).
   */
  private static Set<String> missingData(RunContext run, Optional<Manifest> previous)
      throws IOException {
    Set<String> missing = new HashSet<>();
    if (previous.isEmpty()) {
      return missing;
    }
    for (Map.Entry<String, Manifest.ParticipantEntry> entry :
        previous.get().participants().entrySet()) {
      for (Manifest.DataFile file : entry.getValue().dataFiles()) {
        if (!run.outputFs().exists(new Path(run.layout().root(), file.path()))) {
          missing.add(entry.getKey());
        }
      }
    }
    return missing;
  }

  private Map<String, Manifest.ParticipantEntry> entries(
      RunContext run,
      List<String> process,
      List<TrialSummary> outcomes,
      Map<String, String> fingerprints)
      throws IOException {
    Map<String, Manifest.ParticipantEntry> entries = new TreeMap<>();
    List<Integer> groupWidths = config.selection().widths();
    for (String participant : process) {
      List<TrialSummary> trials =
          outcomes.stream().filter(t -> t.id().participant().equals(participant)).toList();
      entries.put(
          participant,
          ManifestMerge.entry(
              config.massOf(participant).orElse(Double.NaN),
              fingerprints.get(participant),
              trials,
              DataFiles.list(run.outputFs(), run.layout(), participant),
              groupWidths));
    }
    return entries;
  }

  private PrepareResult result(
      RunContext run, Manifest manifest, IncrementalPlan plan, long readBytes) throws IOException {
    List<TrialSummary> trials = ManifestMerge.trials(manifest);
    long outputBytes =
        run.outputFs().exists(run.layout().data())
            ? run.outputFs().getContentSummary(run.layout().data()).getLength()
            : 0;
    return new PrepareResult(
        run.runId(),
        // Both roots as Hadoop prints them, so the summary shows them alike however they were
        // given.
        run.inputRoot().toString(),
        run.layout().root().toString(),
        run.started(),
        Duration.between(run.started(), Instant.now()),
        List.copyOf(manifest.participants().keySet()),
        trials,
        readBytes,
        outputBytes,
        plan,
        run.migrated());
  }
}
