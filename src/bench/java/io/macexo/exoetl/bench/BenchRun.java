package io.macexo.exoetl.bench;

import io.macexo.exoetl.config.ConfigLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code exo-etl bench} run, sequenced in one place: make or reuse the corpus → list its trials
 * with the job's own discovery → warm the page cache → K rounds of every contender, the order
 * rotated each round → after round 1, check that prepare and DuckDB wrote the same dataset and that
 * the floor saw every line (fail loudly otherwise) → optional profile, discovery and linearity
 * checks → the report, printed and appended to docs/performance.md.
 *
 * <p>Runs on the bench's JVM, which only orchestrates: every contender runs in its own process.
 */
public final class BenchRun {
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final BenchOptions options;
  private final PrintStream progress;

  public BenchRun(BenchOptions options, PrintStream progress) {
    this.options = options;
    this.progress = progress;
  }

  /** Runs everything, appends the report and returns its Markdown. */
  public String execute() throws Exception {
    Instant started = Instant.now();
    MachineDescription machine = MachineDescription.read();
    Files.createDirectories(options.work());
    say("corpus: " + options.corpusShape().describe() + " in " + options.corpus());
    BenchCorpus.Outcome corpus = BenchCorpus.ensure(options.corpus(), options.corpusShape());
    TrialManifest manifest = TrialManifest.discover(corpus.tree(), ConfigLoader.defaults());
    Path manifestFile = options.work().resolve("manifest.tsv");
    manifest.write(manifestFile);
    say(
        String.format(
            Locale.ROOT,
            "%d trials, %s in the read files; warming the page cache",
            manifest.entries().size(),
            BenchReport.megabytes(manifest.bytes())));
    warmPageCache(manifest);
    List<String> notes = new ArrayList<>();
    Contenders contenders = contenders(manifest, manifestFile, notes);
    say("one unmeasured prepare run (it records bin/exo-etl's class-data archive)");
    contenders.prepare().warmUp();
    List<RunRecord> runs = new ArrayList<>();
    OutputEquivalence.Comparison comparison = timedRounds(contenders, runs);
    Optional<BenchResults.Profile> profile =
        options.profile() ? Optional.of(profile(contenders.prepare())) : Optional.empty();
    Optional<DiscoveryCheck.Result> discovery = Optional.empty();
    if (options.discoveryCheck()) {
      say("discovery check on a 1,669-trial tree of tiny files");
      discovery = Optional.of(DiscoveryCheck.run(options.work()));
    }
    List<LinearityCheck.Point> linearity =
        options.linearitySizesGigabytes().isEmpty()
            ? List.of()
            : LinearityCheck.run(options, manifest, progress);
    BenchResults results =
        new BenchResults(
            started,
            Duration.between(started, Instant.now()),
            machine,
            options,
            corpusFacts(corpus, manifest),
            contenders.descriptions(),
            runs,
            comparison,
            contenders.duckDb().readCsvCalls(),
            contenders.pandasSubset(),
            profile,
            discovery,
            linearity,
            notes);
    String section = BenchReport.markdown(results);
    BenchReport.append(options.report(), section);
    say("appended to " + options.report());
    return section;
  }

  /**
   * K rounds of every contender, the order rotated each round; the outputs are compared after the
   * first. Adds each run to {@code runs} and returns the comparison.
   */
  private OutputEquivalence.Comparison timedRounds(Contenders contenders, List<RunRecord> runs)
      throws Exception {
    OutputEquivalence.Comparison comparison = null;
    for (int round = 1; round <= options.runs(); round++) {
      for (Contender contender : contenders.rotated(round - 1)) {
        say("round " + round + ": " + contender.name());
        RunRecord run = contender.run(round);
        runs.add(run);
        say(
            String.format(
                Locale.ROOT,
                "round %d: %s took %.1f s (%.1f s of CPU)",
                round,
                run.contender(),
                run.wallSeconds(),
                run.cpuSeconds()));
      }
      if (round == 1) {
        comparison = checkOutputs(contenders);
      }
    }
    return comparison;
  }

  private static BenchResults.Corpus corpusFacts(BenchCorpus.Outcome corpus, TrialManifest manifest)
      throws IOException {
    return new BenchResults.Corpus(
        corpus.tree(),
        manifest.entries().size(),
        manifest.files().size(),
        manifest.bytes(),
        Folders.size(corpus.tree()),
        corpus.generated(),
        corpus.generationSeconds());
  }

  /** The contenders of this run and the pandas subset, if pandas runs. */
  private record Contenders(
      PrepareContender prepare,
      DuckDbContender duckDb,
      List<Contender> all,
      Optional<BenchResults.PandasSubset> pandasSubset) {
    List<Contender> rotated(int offset) {
      List<Contender> order = new ArrayList<>();
      for (int index = 0; index < all.size(); index++) {
        order.add(all.get((index + offset) % all.size()));
      }
      return order;
    }

    Map<String, String> descriptions() {
      Map<String, String> descriptions = new LinkedHashMap<>();
      all.forEach(contender -> descriptions.put(contender.name(), contender.description()));
      return descriptions;
    }
  }

  private Contenders contenders(TrialManifest manifest, Path manifestFile, List<String> notes)
      throws IOException, InterruptedException {
    Path work = options.work();
    PrepareContender prepare =
        new PrepareContender(
            options.home(), options.corpusTree(), work, options.threads(), manifest.bytes());
    DuckDbContender duckDb =
        new DuckDbContender(manifestFile, work, options.threads(), manifest.bytes());
    List<Contender> all = new ArrayList<>(List.of(prepare, duckDb));
    all.add(
        new FloorContender(manifestFile, work, options.threads(), FloorScanner.Parser.FAST_PATH));
    all.add(new FloorContender(manifestFile, work, options.threads(), FloorScanner.Parser.JDK));
    Optional<BenchResults.PandasSubset> subset = Optional.empty();
    Path script = options.home().resolve(PandasContender.SCRIPT);
    Optional<String> unavailable =
        options.pandasTrials() == 0
            ? Optional.of("--pandas-trials 0")
            : PandasContender.unavailable(options.python(), script, work);
    if (unavailable.isPresent()) {
      notes.add("The pandas baseline was skipped: " + unavailable.get() + ".");
    } else {
      TrialManifest picked = manifest.spread(options.pandasTrials());
      Path pickedFile = work.resolve("pandas-manifest.tsv");
      picked.write(pickedFile);
      all.add(new PandasContender(options.python(), script, pickedFile, picked.bytes(), work));
      subset = Optional.of(new BenchResults.PandasSubset(picked.entries().size(), picked.bytes()));
      notes.add(
          "pandas stops before writing: the public pipeline saves an Arrow dataset, and pyarrow"
              + " is not packaged in Debian.");
    }
    notes.add(
        "The DuckDB peer does no validation (prepare checks every row for the ten reason codes);"
            + " on this corpus prepare rejects nothing, so both write the same rows.");
    return new Contenders(prepare, duckDb, List.copyOf(all), subset);
  }

  /** After round 1: same dataset from prepare and DuckDB, and the floor saw every line. */
  private OutputEquivalence.Comparison checkOutputs(Contenders contenders) throws Exception {
    Path prepared = contenders.prepare().output().resolve("data");
    Path peer = contenders.duckDb().output();
    say("comparing " + prepared + " with " + peer);
    OutputEquivalence.Comparison comparison = OutputEquivalence.compare(prepared, peer);
    OutputEquivalence.requireSame(comparison, prepared, peer);
    for (Contender contender : contenders.all()) {
      if (contender instanceof FloorContender floor) {
        long expected = FileKind.values().length * comparison.leftSamples();
        if (floor.rows() != expected) {
          throw new IllegalStateException(
              "Cannot trust the parse floor: it saw "
                  + floor.rows()
                  + " data lines, the outputs hold "
                  + comparison.leftSamples()
                  + " samples in three files each ("
                  + expected
                  + " lines)");
        }
      }
    }
    say(
        "outputs agree: "
            + comparison.leftTrials()
            + " trials, "
            + comparison.leftSamples()
            + " samples");
    return comparison;
  }

  private BenchResults.Profile profile(PrepareContender prepare) throws Exception {
    Path recording = options.work().resolve("prepare.jfr").toAbsolutePath();
    Path eventLogs = options.work().resolve("spark-events").toAbsolutePath();
    Files.deleteIfExists(recording);
    Folders.delete(eventLogs);
    say("profile: prepare under JFR into " + recording);
    RunRecord run = prepare.runProfiled(recording, eventLogs);
    return new BenchResults.Profile(
        run, JfrProfile.summarise(recording), SparkEventLog.summarise(eventLogs), recording);
  }

  /** Reads every read file once, so that no contender pays for a cold cache. */
  private static void warmPageCache(TrialManifest manifest) throws IOException {
    byte[] buffer = new byte[1 << 20];
    for (Path file : manifest.files()) {
      try (InputStream in = Files.newInputStream(file)) {
        while (in.read(buffer) >= 0) {
          // Only the reading matters.
        }
      }
    }
  }

  private void say(String message) {
    progress.println(timestamp() + " " + message);
    progress.flush();
  }

  /** The wall clock, to the second, for progress lines. */
  static String timestamp() {
    return CLOCK.format(LocalTime.now());
  }
}
