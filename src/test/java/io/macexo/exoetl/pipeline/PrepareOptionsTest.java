package io.macexo.exoetl.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.macexo.exoetl.config.ConfigException;
import io.macexo.exoetl.config.ConfigLoader;
import io.macexo.exoetl.config.EtlConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Prepare's options check themselves; keys in a URI are refused without being repeated. */
class PrepareOptionsTest {
  private static final EtlConfig CONFIG = ConfigLoader.defaults();

  @Test
  void credentialsInTheInputUriAreRefusedAndLeftOutOfTheMessage() {
    assertThatThrownBy(
            () ->
                new PrepareOptions(
                    "s3a://AKIAEXAMPLE:s3cr3t+key@lab-bucket/Parsed",
                    "/tmp/out",
                    List.of(),
                    CONFIG))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "--input: credentials in the URI are not accepted (in s3a://lab-bucket/Parsed); set"
                + " fs.s3a.access.key and fs.s3a.secret.key, or AWS_ACCESS_KEY_ID and"
                + " AWS_SECRET_ACCESS_KEY, instead")
        .message()
        .doesNotContain("s3cr3t")
        .doesNotContain("AKIAEXAMPLE");
  }

  @Test
  void credentialsInTheOutputUriAreRefusedToo() {
    assertThatThrownBy(
            () -> new PrepareOptions("/data/Parsed", "s3a://key:secret@bucket", List.of(), CONFIG))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(
            "--output: credentials in the URI are not accepted (in s3a://bucket);");
  }

  @Test
  void plainPathsAndUrisWithoutUserInformationAreAccepted() {
    PrepareOptions options =
        new PrepareOptions(
            "/data/team@lab/Parsed", "s3a://bucket/out@2026", List.of("BT01"), CONFIG);
    assertThat(options.input()).isEqualTo("/data/team@lab/Parsed");
    assertThat(options.output()).isEqualTo("s3a://bucket/out@2026");
    assertThat(
            new PrepareOptions("file:///tmp/in", "hdfs://nn:8020/out", List.of(), CONFIG).input())
        .isEqualTo("file:///tmp/in");
  }
}
