package io.macexo.exoetl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.macexo.exoetl.hub.RetryPolicy;
import io.macexo.exoetl.hub.devhub.DevHubOptions;
import io.macexo.exoetl.hub.devhub.DevHubServer;
import io.macexo.exoetl.hub.devhub.Failure;
import io.macexo.exoetl.hub.devhub.Faults;
import io.macexo.exoetl.hub.devhub.Route;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code exo-etl sync} through Main: exit codes, one-line failures, and the token never printed.
 */
class SyncCommandTest {
  private static final String TOKEN = "hf_cliSecretToken0123456789";
  private static final String SCOPED = "hf_cliScopedSecret9876543210";
  private static final RetryPolicy FAST =
      new RetryPolicy(2, Duration.ZERO, Duration.ZERO, duration -> {});

  @TempDir Path temp;
  private DevHubServer hub;
  private Path output;
  private final List<String> everythingPrinted = new ArrayList<>();

  /** What a command line printed, and its exit code. */
  private record Result(int code, String out, String err) {}

  @BeforeEach
  void setUp() throws Exception {
    hub =
        DevHubServer.start(
            DevHubOptions.withTokens(Set.of(TOKEN)).withScopedTokens(Set.of(SCOPED)),
            temp.resolve("hub"),
            0);
    output = temp.resolve("out");
    Files.createDirectories(output.resolve("data/subject=BT01"));
    Files.write(
        output.resolve("data/subject=BT01/part-0.parquet"),
        new byte[] {'P', 'A', 'R', '1', 0, 1, 2});
    Files.writeString(output.resolve("README.md"), "# card\n");
    Files.writeString(output.resolve("_SUCCESS"), "");
  }

  @AfterEach
  void tearDown() {
    hub.close();
    assertThat(everythingPrinted)
        .as("the token never appears in any output")
        .allSatisfy(
            text -> assertThat(text).doesNotContain(TOKEN).doesNotContain(TOKEN.substring(3)));
  }

  private Result run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            List.of(args),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            List.of(new SyncCommand(env, FAST)));
    Result result =
        new Result(
            code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    everythingPrinted.add(result.out());
    everythingPrinted.add(result.err());
    return result;
  }

  private Map<String, String> env(String token) {
    return Map.of("HF_TOKEN", token, "HF_ENDPOINT", hub.url().toString(), "HOME", temp.toString());
  }

  @Test
  void syncsAndExitsZero() {
    Result result =
        run(
            env(TOKEN),
            "sync",
            "--output",
            output.toString(),
            "--repo",
            "macexo/cli-test",
            "--private");

    assertThat(result.code()).isEqualTo(ExitCode.DONE);
    assertThat(result.out())
        .contains("Created dataset repo macexo/cli-test (private)", "Done: uploaded 1 file");
    assertThat(hub.files("macexo/cli-test"))
        .containsKeys("README.md", "data/subject=BT01/part-0.parquet");
  }

  @Test
  void aRefusedTokenIsOneLineWithoutTheToken() {
    String wrong = "hf_wrongButSecret987654321";
    Result result =
        run(
            env(wrong),
            "--verbose",
            "sync",
            "--output",
            output.toString(),
            "--repo",
            "macexo/cli-test");
    Result quiet =
        run(env(wrong), "sync", "--output", output.toString(), "--repo", "macexo/cli-test");

    assertThat(quiet.code()).isEqualTo(ExitCode.FAILED);
    assertThat(quiet.err().lines())
        .hasSize(1)
        .first()
        .asString()
        .startsWith(
            "exo-etl sync: Cannot read macexo/cli-test@main: HTTP 401: Invalid credentials in "
                + "Authorization header (request id Root=")
        .endsWith("); check the token (HF_TOKEN, HUGGING_FACE_HUB_TOKEN or the token file)");
    assertThat(result.err() + quiet.err() + result.out())
        .doesNotContain(wrong)
        .doesNotContain(wrong.substring(3));
  }

  @Test
  void noTokenIsAUsageErrorNamingWhereToPutOne() {
    Result result =
        run(
            Map.of("HF_ENDPOINT", hub.url().toString(), "HF_HOME", temp.resolve("hf").toString()),
            "sync",
            "--output",
            output.toString(),
            "--repo",
            "macexo/cli-test");

    assertThat(result.code()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err())
        .isEqualTo(
            "exo-etl sync: Cannot sync to macexo/cli-test: no Hugging Face token; set HF_TOKEN"
                + " or write one to "
                + temp.resolve("hf/token")
                + System.lineSeparator());
    assertThat(hub.totalRequests()).isZero();
  }

  @Test
  void anUnfinishedOutputIsRefusedInOneLine() throws Exception {
    Files.delete(output.resolve("_SUCCESS"));

    Result result =
        run(env(TOKEN), "sync", "--output", output.toString(), "--repo", "macexo/cli-test");

    assertThat(result.code()).isEqualTo(ExitCode.FAILED);
    assertThat(result.err())
        .isEqualTo(
            "exo-etl sync: Cannot sync "
                + "file:"
                + output
                + ": no _SUCCESS marker; the prepare run did not finish"
                + System.lineSeparator());
  }

  @Test
  void persistentServerErrorsAndDroppedConnectionsNameTheFileButNotTheToken() {
    Faults.on(hub).injectFailure(Route.LFS_UPLOAD, 1, Failure.status(503), 10);
    Result unavailable =
        run(
            env(TOKEN),
            "--verbose",
            "sync",
            "--output",
            output.toString(),
            "--repo",
            "macexo/cli-test");
    Faults.on(hub).clearFailures();
    Faults.on(hub).injectFailure(Route.COMMIT, 1, Failure.DROP_CONNECTION, 10);
    Result dropped =
        run(env(TOKEN), "sync", "--output", output.toString(), "--repo", "macexo/cli-test");

    assertThat(unavailable.code()).isEqualTo(ExitCode.FAILED);
    assertThat(unavailable.err())
        .startsWith("exo-etl sync: Cannot upload data/subject=BT01/part-0.parquet: HTTP 503");
    assertThat(dropped.err().lines().findFirst().orElseThrow())
        .startsWith(
            "exo-etl sync: Cannot commit 'Add BT01 and the dataset card (2 files)' to"
                + " macexo/cli-test@main: network error");
  }

  @Test
  void flagLikeWordsAsValuesAndVerboseAfterTheCommand() {
    Result result =
        run(
            env(TOKEN),
            "sync",
            "--output",
            output.toString(),
            "--repo",
            "macexo/cli-test",
            "--message",
            "--help",
            "--dry-run",
            "--verbose");

    assertThat(result.code()).isEqualTo(ExitCode.DONE);
    assertThat(result.out()).contains("Dry run: nothing was written").doesNotContain("usage:");
    assertThat(hub.writeRequests()).isZero();
  }

  @Test
  void dryRunAndBadArguments() {
    Result dry =
        run(
            env(TOKEN),
            "sync",
            "--output",
            output.toString(),
            "--repo",
            "macexo/cli-test",
            "--dry-run");
    Result badRepo = run(env(TOKEN), "sync", "--output", output.toString(), "--repo", "cli-test");

    assertThat(dry.code()).isEqualTo(ExitCode.DONE);
    assertThat(dry.out()).contains("Plan: send 2 files", "Dry run: nothing was written");
    assertThat(hub.writeRequests()).isZero();
    assertThat(badRepo.code()).isEqualTo(ExitCode.USAGE);
    assertThat(badRepo.err())
        .isEqualTo(
            "exo-etl sync: Cannot use 'cli-test' as a repo id: expected NAMESPACE/NAME, "
                + "e.g. macexo/exo-phase1"
                + System.lineSeparator());
  }

  @Test
  void badFlagValuesFailAtOnceInOneLineNamingTheFlag() {
    String out = output.toString();
    Map<String, String> env = env(TOKEN);

    assertThat(run(env, "sync", "--output", out, "--repo", "a/b", "--private", "--public").err())
        .isEqualTo(
            "exo-etl sync: --private and --public exclude each other" + System.lineSeparator());
    assertThat(run(env, "sync", "--output", out, "--repo", "a/b", "--read-timeout", "soon").err())
        .isEqualTo(
            "exo-etl sync: Invalid value for option '--read-timeout': 'soon' is not a double"
                + System.lineSeparator());
    assertThat(
            run(env, "sync", "--output", out, "--repo", "a/b", "--max-rate-limit-wait", "-1").err())
        .startsWith(
            "exo-etl sync: --max-rate-limit-wait must be between 0.0 and 86400.0, not -1.0");
    Result badTag = run(env, "sync", "--output", out, "--repo", "a/b", "--tag", "v 1");
    assertThat(badTag.code()).isEqualTo(ExitCode.USAGE);
    assertThat(badTag.err())
        .isEqualTo(
            "exo-etl sync: Cannot tag the sync as 'v 1' (--tag): use letters, digits, '.', '_' or '-', at"
                + " most 100 characters"
                + System.lineSeparator());
    assertThat(hub.totalRequests()).isZero();
  }

  @Test
  void throughRateLimitsAScopedTokenAndAStallTheTokenIsNeverPrinted() throws Exception {
    Result created =
        run(env(TOKEN), "sync", "--output", output.toString(), "--repo", "macexo/cli-test");
    assertThat(created.code()).isEqualTo(ExitCode.DONE);
    Faults.on(hub).injectFailure(Route.REPO_INFO, 1, Failure.rateLimited(3));
    Faults.on(hub).injectFailure(Route.COMMIT, 1, Failure.rateLimited(2));
    Faults.on(hub).injectFailure(Route.LFS_UPLOAD, 1, Failure.stall(Duration.ofSeconds(20)));
    Files.writeString(output.resolve("README.md"), "# card, second version\n");
    write(output.resolve("data/subject=BT02/part-0.parquet"), 3);

    Result result =
        run(
            env(SCOPED),
            "--verbose",
            "sync",
            "--output",
            output.toString(),
            "--repo",
            "macexo/cli-test",
            "--read-timeout",
            "0.5",
            "--tag",
            "v1");

    assertThat(result.code()).as(result.err()).isEqualTo(ExitCode.DONE);
    assertThat(result.out())
        .contains(
            "rate limited: read macexo/cli-test@main (HTTP 429)",
            "rate limited: commit 'Add BT02 and the dataset card (2 files)'",
            "(HttpTimeoutException); trying again",
            "Tagged v1 -> ");
    assertThat(hub.files("macexo/cli-test").get("data/subject=BT02/part-0.parquet"))
        .isEqualTo(
            io.macexo.exoetl.hub.GitOids.sha256(readBytes("data/subject=BT02/part-0.parquet")));
  }

  private void write(Path file, int seed) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, new byte[] {'P', 'A', 'R', '1', (byte) seed, 9, 9});
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private byte[] readBytes(String relative) {
    try {
      return Files.readAllBytes(output.resolve(relative));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
