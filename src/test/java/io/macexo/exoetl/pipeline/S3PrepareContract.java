package io.macexo.exoetl.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.macexo.exoetl.cli.ExitCode;
import io.macexo.exoetl.cli.Main;
import io.macexo.exoetl.config.ConfigLoader;
import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.model.Locations;
import io.macexo.exoetl.model.PrepareResult;
import io.macexo.exoetl.model.ReasonCode;
import io.macexo.exoetl.synth.SynthGenerator;
import io.macexo.exoetl.synth.SynthOptions;
import io.macexo.exoetl.testing.CapturedOutput;
import io.macexo.exoetl.testing.CuttingProxy;
import io.macexo.exoetl.testing.FileKind;
import io.macexo.exoetl.testing.LocalSpark;
import io.macexo.exoetl.testing.OutputSnapshot;
import io.macexo.exoetl.testing.S3Endpoint;
import io.macexo.exoetl.testing.TrialTreeBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What prepare promises on an S3-compatible store, checked against whichever store a subclass
 * starts (S3Proxy here, MinIO where Docker runs): an {@code s3a://} input and output give the same
 * rows and rejects as a local run of the same tree, a second run swaps participant folders on the
 * store (a copy and a delete per folder there), and the secret key is printed nowhere.
 *
 * <p>The synthetic tree (two participants, two trials each, plus one broken trial per reason code)
 * is uploaded once per class into a bucket of its own. Each test starts its own Spark session: the
 * command-line test needs {@link Main} to start and stop one, as it does for a user. S3A clients
 * are cached per bucket for the JVM, so each run first drops the cached ones and builds its own
 * from its own configuration.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class S3PrepareContract {
  private static final EtlConfig CONFIG = ConfigLoader.defaults();

  private Path work;
  private S3Endpoint endpoint;
  private String bucket;
  private Path localInput;

  /** How many trials the synthetic tree has built to be rejected. */
  private int intendedRejects;

  /**
   * Starts the store (or returns the one a container extension started) for this class.
   *
   * @param workDir the class's temporary folder, for the store's files and log
   */
  protected abstract S3Endpoint startStore(Path workDir) throws Exception;

  /** Stops what {@link #startStore} started. */
  protected abstract void stopStore() throws Exception;

  @BeforeAll
  void uploadTree(@TempDir Path work) throws Exception {
    this.work = work;
    endpoint = startStore(work.resolve("store"));
    bucket = "exo-" + UUID.randomUUID().toString().substring(0, 8);
    endpoint.createBucket(bucket);
    localInput = work.resolve("Parsed");
    intendedRejects =
        SynthGenerator.generate(
                new SynthOptions(localInput, List.of("BT01", "BT02"), 2, 0.05, 7, true))
            .intendedRejects()
            .size();
    endpoint.upload(localInput, bucket, "Parsed");
  }

  @AfterAll
  void stop() throws Exception {
    forgetCachedS3Clients();
    stopStore();
  }

  @Test
  void prepareOnS3WritesTheRowsAndRejectsOfALocalRunAndSwapsFoldersOnRerun() throws Exception {
    forgetCachedS3Clients();
    SparkSession spark = LocalSpark.start(getClass().getSimpleName());
    try {
      endpoint.hadoopSettings().forEach(spark.sparkContext().hadoopConfiguration()::set);
      String localOutput = work.resolve("local-out").toUri().toString();
      new PrepareJob(spark, options(localInput.toUri().toString(), localOutput, List.of()))
          .execute();
      PrepareResult s3Result =
          new PrepareJob(spark, options(s3("Parsed"), s3("out"), List.of())).execute();

      OutputSnapshot local = OutputSnapshot.read(spark, localOutput);
      assertThat(local.data()).hasSize(4);
      assertThat(local.rejects()).hasSize(intendedRejects);
      assertThat(OutputSnapshot.read(spark, s3("out"))).isEqualTo(local);
      assertThat(s3Result.output()).isEqualTo(s3("out"));
      List<String> keys = keysUnder("out");
      assertThat(keys)
          .contains("_SUCCESS", "metadata.json", "rejects/rejects.json")
          .noneMatch(key -> key.startsWith("_staging") || key.startsWith("_trash"))
          .noneMatch(key -> key.endsWith(".crc"))
          .filteredOn(key -> key.startsWith("data/"))
          .allMatch(key -> key.matches("data/subject=BT0[12]/part-[^/]+\\.zstd\\.parquet"))
          .anyMatch(key -> key.startsWith("data/subject=BT01/"))
          .anyMatch(key -> key.startsWith("data/subject=BT02/"));

      // Only BT02 again, forced (--full): its folder is replaced through _trash/ (copies and
      // deletes on S3) while BT01's is left alone.
      PrepareOptions again = options(s3("Parsed"), s3("out"), List.of("BT02"));
      new PrepareJob(
              spark,
              new PrepareOptions(
                  again.input(), again.output(), again.participants(), again.config(), true, false))
          .execute();
      List<String> keysAfter = keysUnder("out");
      assertThat(OutputSnapshot.readData(spark, s3("out/data"))).isEqualTo(local.data());
      assertThat(dataFileOf(keysAfter, "BT01")).isEqualTo(dataFileOf(keys, "BT01"));
      assertThat(dataFileOf(keysAfter, "BT02")).isNotEqualTo(dataFileOf(keys, "BT02"));
      assertThat(keysAfter)
          .contains("_SUCCESS")
          .noneMatch(key -> key.startsWith("_staging") || key.startsWith("_trash"));
    } finally {
      spark.stop();
    }
  }

  /**
   * Keys with a space, {@code # % + & ?}, an escape-like {@code %41} and non-ASCII letters, in the
   * input prefix, the output prefix and the participant and trial names, through prepare, a re-run
   * and validate; and one object whose reads the store cuts halfway, after S3A's retries too, which
   * must become an UNREADABLE_FILE reject while the run goes on.
   */
  @Test
  void oddKeysWorkAndAnObjectWhoseReadsFailIsARejectNamingIt() throws Exception {
    String odd = " #%41+&?";
    String participant = "BT01" + odd + "é";
    String trial = "walk 1" + odd + "ö";
    EtlConfig config =
        ConfigLoader.load(null, Map.of("exo-etl.participants.\"" + participant + "\"", "71.5"));
    Path tree = work.resolve("odd-tree");
    TrialTreeBuilder builder = new TrialTreeBuilder(tree, config);
    builder.trial(participant, trial, 40);
    builder.trial(participant, "flaky", 400);
    builder.trial("BT02", "squats 1" + odd, 25);
    String inputPrefix = "my data" + odd + "ü/Parsed";
    endpoint.upload(tree, bucket, inputPrefix);
    String flakyFile = FileKind.MOMENT.fileName(participant, "flaky");

    forgetCachedS3Clients();
    SparkSession spark = LocalSpark.start(getClass().getSimpleName() + "-odd");
    try (CuttingProxy proxy =
        CuttingProxy.start(endpoint.endpoint(), "_flaky_moment_filt_bio.csv", 100)) {
      new S3Endpoint(proxy.uri(), endpoint.accessKey(), endpoint.secretKey())
          .hadoopSettings()
          .forEach(spark.sparkContext().hadoopConfiguration()::set);
      String output = s3("out put" + odd + "ß");
      PrepareOptions options = new PrepareOptions(s3(inputPrefix), output, List.of(), config);

      PrepareResult first = new PrepareJob(spark, options).execute();

      assertThat(proxy.cuts()).as("the store's reads of the flaky object were cut").isPositive();
      assertThat(first.trialsWritten()).isEqualTo(2);
      OutputSnapshot snapshot =
          OutputSnapshot.read(spark, Locations.literalGlob(Locations.root(output)));
      assertThat(snapshot.data())
          .anyMatch(line -> line.startsWith(participant + "/" + trial + " mass_kg=71.5 "))
          .anyMatch(line -> line.startsWith("BT02/squats 1" + odd + " "));
      assertThat(snapshot.rejects())
          .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
          .startsWith(participant + "/flaky " + ReasonCode.UNREADABLE_FILE)
          .contains("cannot read " + flakyFile + ": ");
      assertThat(keysUnder("out put" + odd + "ß"))
          .anyMatch(key -> key.startsWith("data/subject=BT01 %23%2541+&%3Fé/"))
          .anyMatch(key -> key.startsWith("data/subject=BT02/"));
      assertThat(new io.macexo.exoetl.audit.OutputAudit(spark, config).run(output).problems())
          .isEmpty();

      // The store reads again: the re-run retries the participant with the unreadable file and
      // leaves BT02, unchanged, as it was.
      proxy.close();
      endpoint.hadoopSettings().forEach(spark.sparkContext().hadoopConfiguration()::set);
      forgetCachedS3Clients();
      PrepareResult second = new PrepareJob(spark, options).execute();
      assertThat(second.plan().with(io.macexo.exoetl.model.IncrementalPlan.Change.UNCHANGED))
          .containsExactly("BT02");
      assertThat(second.trialsWritten()).isEqualTo(3);
      assertThat(second.trials()).allMatch(io.macexo.exoetl.model.TrialSummary::written);
    } finally {
      spark.stop();
    }
  }

  @Test
  void theSecretKeyIsPrintedNowhereWhetherTheRunSucceedsOrFails() throws Exception {
    String wrongSecret = "wrong-" + UUID.randomUUID();
    Path goodConf = writeConf("good.conf", endpoint.sparkSettings());
    Map<String, String> wrong = new LinkedHashMap<>(endpoint.sparkSettings());
    wrong.put("spark.hadoop.fs.s3a.secret.key", wrongSecret);
    Path wrongConf = writeConf("wrong.conf", wrong);
    String secretInUri =
        "s3a://" + endpoint.accessKey() + ":" + endpoint.secretKey() + "@" + bucket + "/Parsed";

    List<Integer> exitCodes = new ArrayList<>();
    String printed;
    try (CapturedOutput captured = CapturedOutput.start()) {
      exitCodes.add(
          prepareCommand(
              goodConf,
              "--input",
              s3("Parsed"),
              "--output",
              s3("cli-out"),
              "--participants",
              "BT02"));
      exitCodes.add(prepareCommand(wrongConf, "--input", s3("Parsed"), "--output", s3("x")));
      exitCodes.add(prepareCommand(goodConf, "--input", secretInUri, "--output", s3("y")));
      printed = captured.text();
    }

    assertThat(exitCodes).containsExactly(ExitCode.DONE, ExitCode.FAILED, ExitCode.USAGE);
    assertThat(printed)
        .contains("trials written:  2")
        .contains("exo-etl prepare: failed: S3Exception: The request signature we calculated")
        .contains(
            "exo-etl prepare: --input: credentials in the URI are not accepted (in s3a://"
                + bucket
                + "/Parsed)")
        .doesNotContain(endpoint.secretKey())
        .doesNotContain(wrongSecret);
    String metadataText = readS3("cli-out/metadata.json");
    assertThat(metadataText).doesNotContain(endpoint.secretKey());
    JsonNode metadata = new ObjectMapper().readTree(metadataText);
    assertThat(metadata.path("totals").path("trials_written").asInt()).isEqualTo(2);
  }

  /**
   * Runs {@code exo-etl --verbose prepare <flags> --conf <conf>} in this JVM, as a user would (it
   * starts and stops its own Spark session); {@code --verbose} prints stack traces on failure too.
   */
  private int prepareCommand(Path conf, String... flags) throws IOException {
    List<String> argv = new ArrayList<>(List.of("--verbose", "prepare"));
    argv.addAll(List.of(flags));
    argv.addAll(List.of("--conf", conf.toString()));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    forgetCachedS3Clients();
    int code = Main.run(argv, stream, stream);
    // Through System.out, so the capture sees the command's own output too.
    System.out.print(bytes.toString(StandardCharsets.UTF_8));
    return code;
  }

  /** A --conf file: a small local master, no UI, and the given Spark settings. */
  private Path writeConf(String name, Map<String, String> sparkSettings) throws IOException {
    String settings =
        sparkSettings.entrySet().stream()
            .map(e -> "      \"" + e.getKey() + "\" = \"" + e.getValue() + "\"")
            .collect(Collectors.joining("\n"));
    String text =
        """
        exo-etl.spark {
          master = "local[2]"
          shuffle-partitions = 4
          conf {
            "spark.ui.enabled" = "false"
            "spark.driver.host" = "127.0.0.1"
            "spark.driver.bindAddress" = "127.0.0.1"
        %s
          }
        }
        """
            .formatted(settings);
    return Files.writeString(work.resolve(name), text, StandardCharsets.UTF_8);
  }

  private PrepareOptions options(String input, String output, List<String> participants) {
    return new PrepareOptions(input, output, participants, CONFIG);
  }

  private String s3(String key) {
    return "s3a://" + bucket + "/" + key;
  }

  private List<String> keysUnder(String prefix) throws IOException {
    List<String> keys = new ArrayList<>();
    String root = s3(prefix) + "/";
    try (FileSystem s3 = FileSystem.newInstance(URI.create(s3("")), hadoopConf(endpoint))) {
      RemoteIterator<LocatedFileStatus> files =
          s3.listFiles(new org.apache.hadoop.fs.Path(s3(prefix)), true);
      while (files.hasNext()) {
        keys.add(files.next().getPath().toString().substring(root.length()));
      }
    }
    return keys;
  }

  private static String dataFileOf(List<String> keys, String participant) {
    String prefix = "data/subject=" + participant + "/";
    return keys.stream().filter(key -> key.startsWith(prefix)).findFirst().orElseThrow();
  }

  private String readS3(String key) throws IOException {
    try (FileSystem s3 = FileSystem.newInstance(URI.create(s3("")), hadoopConf(endpoint));
        InputStream in = s3.open(new org.apache.hadoop.fs.Path(s3(key)))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Closes and uncaches this bucket's S3A client, so the next run builds one from its settings. */
  private void forgetCachedS3Clients() throws IOException {
    FileSystem.get(URI.create(s3("")), hadoopConf(endpoint)).close();
  }

  private static Configuration hadoopConf(S3Endpoint endpoint) {
    Configuration conf = new Configuration();
    endpoint.hadoopSettings().forEach(conf::set);
    return conf;
  }
}
