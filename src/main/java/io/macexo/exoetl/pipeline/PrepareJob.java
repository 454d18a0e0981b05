package io.macexo.exoetl.pipeline;

import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.discover.DiscoveredInput;
import io.macexo.exoetl.discover.TrialDiscovery;
import io.macexo.exoetl.model.Reject;
import io.macexo.exoetl.write.MetadataWriter;
import io.macexo.exoetl.write.OutputFiles;
import io.macexo.exoetl.write.OutputLayout;
import io.macexo.exoetl.write.ParticipantSwap;
import io.macexo.exoetl.write.RejectsWriter;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The prepare run, sequenced in one place: discover (driver) → read, validate, assemble (one lazy
 * Dataset) → write to staging (the one Spark job over sensor data) → collect trial summaries (from
 * the cached per-trial rows, not sensor rows) → swap participant folders into {@code data/} →
 * rejects, metadata.json, dataset card → {@code _SUCCESS} last.
 *
 * <p>Everything before the swap only adds files under {@code _staging/}, so a run that dies early
 * leaves the previous output as it was.
 */
public final class PrepareJob {
  private final org.apache.spark.sql.SparkSession spark;
  private final PrepareOptions options;
  private final EtlConfig config;

  public PrepareJob(org.apache.spark.sql.SparkSession spark, PrepareOptions options) {
    this.spark = spark;
    this.options = options;
    this.config = options.config();
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
    Path inputRoot = new Path(URI.create(options.input()));
    FileSystem inputFs = inputRoot.getFileSystem(spark.sparkContext().hadoopConfiguration());
    DiscoveredInput input =
        new TrialDiscovery(inputFs, config).discover(inputRoot, options.participants());

    Path outputRoot = new Path(URI.create(options.output()));
    FileSystem outputFs = outputRoot.getFileSystem(spark.sparkContext().hadoopConfiguration());
    OutputLayout layout = new OutputLayout(outputFs.makeQualified(outputRoot));
    ParticipantSwap swap = new ParticipantSwap(outputFs, layout);
    swap.recoverInterrupted();
    List<TrialSummary> summaries = new ArrayList<>(summariesOf(input.rejects()));
    summaries.addAll(processTrials(input, layout, runId));
    summaries.sort((a, b) -> a.id().compareTo(b.id()));

    outputFs.delete(layout.successMarker(), false);
    swap.swap(runId, staleParticipants(swap.existingParticipants()));
    long outputBytes = outputFs.getContentSummary(layout.data()).getLength();
    PrepareResult result =
        new PrepareResult(
            runId,
            options.input(),
            layout.root().toString(),
            started,
            Duration.between(started, Instant.now()),
            input.participants(),
            summaries,
            input.inputBytes(),
            outputBytes);
    RejectsWriter.write(spark, outputFs, layout, result.rejects(), config.output().compression());
    MetadataWriter.write(outputFs, layout.metadata(), MetadataWriter.build(result, config));
    writeMarker(outputFs, layout, runId);
    spark.sparkContext().clearJobGroup();
    return result;
  }

  /** Reads, validates and assembles the readable trials, writes the good ones to staging. */
  private List<TrialSummary> processTrials(
      DiscoveredInput input, OutputLayout layout, String runId) {
    if (input.readable().isEmpty()) {
      return List.of();
    }
    return TrialEngine.of(config.engine())
        .run(spark, input.readable(), layout.staging(runId).toString(), config);
  }

  private static List<TrialSummary> summariesOf(List<Reject> rejects) {
    return rejects.stream().map(r -> new TrialSummary(r.trial(), 0, r)).toList();
  }

  /**
   * Participant folders to remove: without --participants, those not in this run's input (the
   * output mirrors the input); with it, only the named ones, so the others are left untouched.
   */
  private Set<String> staleParticipants(Set<String> existing) {
    Set<String> stale = new HashSet<>(existing);
    if (!options.participants().isEmpty()) {
      stale.retainAll(options.participants());
    }
    return stale;
  }

  private static void writeMarker(FileSystem fs, OutputLayout layout, String runId)
      throws IOException {
    OutputFiles.writeString(fs, layout.successMarker(), runId + "\n");
  }
}
