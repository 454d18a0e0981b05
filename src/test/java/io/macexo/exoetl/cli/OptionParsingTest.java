package io.macexo.exoetl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.macexo.exoetl.config.NanPolicy;
import io.macexo.exoetl.hub.RetryPolicy;
import io.macexo.exoetl.hub.SyncOptions;
import io.macexo.exoetl.hub.devhub.DevHubOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * How words become each command's typed flags: values, defaults, lists, enums, the global {@code
 * --verbose}, and words that look like flags but are a flag's value. Nothing runs.
 */
class OptionParsingTest {
  private static final Map<String, String> NO_TOKEN = Map.of("HOME", "/nonexistent");

  @Test
  void prepareReadsEveryFlag() {
    PrepareCommand prepare =
        CliRun.parse(
            new PrepareCommand(),
            "prepare",
            "--input=s3a://lab/Parsed",
            "--output",
            "/data/out",
            "--conf",
            "conf/local.conf",
            "--participants",
            "BT01, BT02",
            "--nan-policy",
            "Reject",
            "--full",
            "--verify-content");

    assertThat(prepare.input).isEqualTo("s3a://lab/Parsed");
    assertThat(prepare.output).isEqualTo("/data/out");
    assertThat(prepare.conf.file).isEqualTo(Path.of("conf/local.conf"));
    assertThat(FlagChecks.items("--participants", prepare.participants))
        .containsExactly("BT01", "BT02");
    assertThat(prepare.nanPolicy).isEqualTo(NanPolicy.REJECT);
    assertThat(prepare.full).isTrue();
    assertThat(prepare.verifyContent).isTrue();
  }

  @Test
  void prepareDefaultsLeaveTheConfigurationInCharge() {
    PrepareCommand prepare =
        CliRun.parse(new PrepareCommand(), "prepare", "--input", "i", "--output", "o");

    assertThat(prepare.conf.file).isNull();
    assertThat(prepare.nanPolicy).isNull();
    assertThat(FlagChecks.items("--participants", prepare.participants)).isEmpty();
    assertThat(prepare.full).isFalse();
    assertThat(prepare.verifyContent).isFalse();
  }

  @Test
  void flagLikeWordsAfterAFlagAreItsValue() {
    PrepareCommand prepare =
        CliRun.parse(new PrepareCommand(), "prepare", "--input", "-v", "--output", "--help");
    SyncCommand sync =
        CliRun.parse(
            sync(), "sync", "--output", "o", "--repo", "macexo/x", "--message", "--verbose");

    assertThat(prepare.input).isEqualTo("-v");
    assertThat(prepare.output).isEqualTo("--help");
    assertThat(sync.options().message()).isEqualTo("--verbose");
  }

  @Test
  void verboseIsGlobalBeforeOrAfterTheCommandName() {
    for (String[] words :
        List.of(
            new String[] {"--verbose", "validate", "--output", "o"},
            new String[] {"validate", "--output", "o", "--verbose"},
            new String[] {"validate", "-v", "--output", "o"})) {
      CommandLine cli = Main.commandLine(List.of(new ValidateCommand()));
      cli.parseArgs(words);
      assertThat(((ExoEtlCommand) cli.getCommand()).verbose).as(String.join(" ", words)).isTrue();
    }
    CommandLine quiet = Main.commandLine(List.of(new ValidateCommand()));
    quiet.parseArgs("validate", "--output", "-v");
    assertThat(((ExoEtlCommand) quiet.getCommand()).verbose).isFalse();
  }

  @Test
  void syncDefaultsAndFlags() {
    SyncOptions defaults = CliRun.parse(sync(), "sync", "--output", "o", "--repo", "a/b").options();
    SyncOptions given =
        CliRun.parse(
                sync(),
                "sync",
                "--output",
                "o",
                "--repo",
                "a/b",
                "--revision",
                "dev",
                "--private",
                "--dry-run",
                "--message",
                "nightly",
                "--parallel",
                "16")
            .options();

    assertThat(defaults.revision()).isEqualTo(SyncOptions.DEFAULT_REVISION);
    assertThat(defaults.parallelUploads()).isEqualTo(SyncOptions.DEFAULT_PARALLEL_UPLOADS);
    assertThat(defaults.visibility()).isEqualTo(io.macexo.exoetl.hub.Visibility.DEFAULT);
    assertThat(defaults.dryRun()).isFalse();
    assertThat(given.revision()).isEqualTo("dev");
    assertThat(given.visibility()).isEqualTo(io.macexo.exoetl.hub.Visibility.PRIVATE);
    assertThat(given.dryRun()).isTrue();
    assertThat(given.message()).isEqualTo("nightly");
    assertThat(given.parallelUploads()).isEqualTo(16);
  }

  @Test
  void devHubDefaultsAndTokens() {
    DevHubCommand defaults =
        CliRun.parse(
            new DevHubCommand(Map.of("HF_TOKEN", "hf_fromEnvironment1")),
            "dev-hub",
            "--storage",
            "/tmp/hub");
    DevHubOptions given =
        CliRun.parse(
                new DevHubCommand(NO_TOKEN),
                "dev-hub",
                "--storage",
                "/tmp/hub",
                "--port",
                "8088",
                "--tokens",
                "hf_aaaaaaaa,hf_bbbbbbbb",
                "--multipart-threshold",
                "1000",
                "--chunk-size",
                "100",
                "--page-size",
                "2")
            .options();

    assertThat(defaults.port).isZero();
    assertThat(defaults.storage).isEqualTo(Path.of("/tmp/hub"));
    assertThat(defaults.options())
        .isEqualTo(DevHubOptions.withTokens(java.util.Set.of("hf_fromEnvironment1")));
    assertThat(given.tokens()).containsExactlyInAnyOrder("hf_aaaaaaaa", "hf_bbbbbbbb");
    assertThat(given.multipartThreshold()).isEqualTo(1000);
    assertThat(given.chunkSize()).isEqualTo(100);
    assertThat(given.treePageSize()).isEqualTo(2);
  }

  @Test
  void demoWritesUnderTargetDemoByDefault() {
    assertThat(CliRun.parse(new DemoCommand(), "demo").folder).isEqualTo(Path.of("target/demo"));
    assertThat(CliRun.parse(new DemoCommand(), "demo", "--dir", "/tmp/d").folder)
        .isEqualTo(Path.of("/tmp/d"));
  }

  @Test
  void picocliRejectsWhatTheAnnotationsForbid() {
    assertThatThrownBy(() -> CliRun.parse(new ValidateCommand(), "validate"))
        .isInstanceOf(ParameterException.class)
        .hasMessage("Missing required option: '--output=URI'");
    assertThatThrownBy(
            () -> CliRun.parse(new SynthCommand(), "synth", "--output", "o", "--seed", "4.2"))
        .isInstanceOf(ParameterException.class)
        .hasMessage("Invalid value for option '--seed': '4.2' is not a long");
    assertThatThrownBy(() -> CliRun.parse(new DemoCommand(), "demo", "--dir"))
        .isInstanceOf(ParameterException.class)
        .hasMessage("Missing required parameter for option '--dir' (DIR)");
  }

  @Test
  void listsAreTrimmedAndMustNotBeEmpty() {
    assertThat(FlagChecks.items("--participants", List.of(" BT01", "", "BT02 ")))
        .containsExactly("BT01", "BT02");
    assertThat(FlagChecks.items("--participants", null)).isEmpty();
    assertThatThrownBy(() -> FlagChecks.items("--participants", List.of("", " ")))
        .isInstanceOf(UsageException.class)
        .hasMessage("--participants must list at least one value");
  }

  @Test
  void rangesNameTheFlagAndTheValue() {
    assertThat(FlagChecks.between("--trials", 3, 1, 9)).isEqualTo(3);
    assertThatThrownBy(() -> FlagChecks.between("--trials", 0, 1, 9))
        .hasMessage("--trials must be between 1 and 9, not 0");
    assertThatThrownBy(() -> FlagChecks.between("--scale", -1.0, 0.001, 10))
        .hasMessage("--scale must be between 0.001 and 10.0, not -1.0");
    assertThatThrownBy(() -> FlagChecks.between("--scale", Double.NaN, 0, 10))
        .hasMessage("--scale must be between 0.0 and 10.0, not NaN");
  }

  @Test
  void devHubRangesAreChecked() {
    assertThatThrownBy(
            () ->
                CliRun.parse(
                        new DevHubCommand(NO_TOKEN), "dev-hub", "--storage", "s", "--port", "70000")
                    .options())
        .isInstanceOf(UsageException.class)
        .hasMessage("--port must be between 0 and 65535, not 70000");
  }

  private static SyncCommand sync() {
    return new SyncCommand(NO_TOKEN, RetryPolicy.standard());
  }
}
