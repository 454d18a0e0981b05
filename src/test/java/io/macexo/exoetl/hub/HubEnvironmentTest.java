package io.macexo.exoetl.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Token and endpoint lookup as the official clients do it, and the retry schedule. */
class HubEnvironmentTest {
  @TempDir Path temp;

  private static String token(Map<String, String> env) {
    return new HubEnvironment(env).token().map(HubToken::secret).orElse(null);
  }

  @Test
  void tokenLookupOrderIsHfTokenThenLegacyThenTokenPathThenHfHome() throws Exception {
    Path explicit = Files.writeString(temp.resolve("explicit"), "  hf_fromPath\n");
    Path home = Files.createDirectories(temp.resolve("home"));
    Files.writeString(home.resolve("token"), "hf_fromHome\n");

    assertThat(token(Map.of("HF_TOKEN", " hf_a ", "HUGGING_FACE_HUB_TOKEN", "hf_b")))
        .isEqualTo("hf_a");
    assertThat(token(Map.of("HF_TOKEN", "  ", "HUGGING_FACE_HUB_TOKEN", "hf_b"))).isEqualTo("hf_b");
    assertThat(token(Map.of("HF_TOKEN_PATH", explicit.toString(), "HF_HOME", home.toString())))
        .isEqualTo("hf_fromPath");
    assertThat(token(Map.of("HF_HOME", home.toString()))).isEqualTo("hf_fromHome");
  }

  @Test
  void hfHomeDefaultsToXdgCacheThenHomeCache() throws Exception {
    Path xdg = Files.createDirectories(temp.resolve("xdg/huggingface"));
    Files.writeString(xdg.resolve("token"), "hf_xdg");
    Path user = Files.createDirectories(temp.resolve("user/.cache/huggingface"));
    Files.writeString(user.resolve("token"), "hf_user");

    assertThat(
            token(
                Map.of(
                    "XDG_CACHE_HOME",
                    temp.resolve("xdg").toString(),
                    "HOME",
                    temp.resolve("user").toString())))
        .isEqualTo("hf_xdg");
    assertThat(token(Map.of("HOME", temp.resolve("user").toString()))).isEqualTo("hf_user");
    assertThat(token(Map.of("HOME", temp.resolve("nobody").toString()))).isNull();
  }

  @Test
  void anEmptyTokenFileIsNoToken() throws Exception {
    Files.writeString(temp.resolve("token"), " \n");

    assertThat(token(Map.of("HF_TOKEN_PATH", temp.resolve("token").toString()))).isNull();
  }

  @Test
  void endpointDefaultsToTheHubAndDropsATrailingSlash() {
    assertThat(new HubEnvironment(Map.of()).endpoint()).hasToString("https://huggingface.co");
    assertThat(new HubEnvironment(Map.of("HF_ENDPOINT", "http://127.0.0.1:8088/")).endpoint())
        .hasToString("http://127.0.0.1:8088");
    assertThatThrownBy(() -> new HubEnvironment(Map.of("HF_ENDPOINT", "localhost")).endpoint())
        .hasMessage("Cannot use HF_ENDPOINT=localhost: not an http(s) URL");
  }

  @Test
  void aTokenNeverShowsItself() {
    HubToken token = HubToken.of("hf_secretValue123").orElseThrow();

    assertThat(token.toString()).doesNotContain("secretValue").isEqualTo("HubToken[hf_***]");
    assertThat(token.redact("echo: Bearer hf_secretValue123")).isEqualTo("echo: Bearer hf_***");
  }

  @Test
  void backoffDoublesFromTheBaseUpToTheCap() {
    RetryPolicy policy = RetryPolicy.standard();

    assertThat(policy.maxRetries()).isEqualTo(5);
    assertThat(java.util.stream.IntStream.rangeClosed(1, 5).mapToObj(policy::backoff))
        .containsExactly(
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(8),
            Duration.ofSeconds(8));
  }

  @Test
  void repoIdsAreCheckedBeforeAnyRequest() {
    assertThat(RepoId.parse("macexo/exo-phase1").apiPath())
        .isEqualTo("/api/datasets/macexo/exo-phase1");
    assertThatThrownBy(() -> RepoId.parse("exo-phase1"))
        .hasMessage(
            "Cannot use 'exo-phase1' as a repo id: expected NAMESPACE/NAME, e.g. macexo/exo-phase1");
    assertThatThrownBy(() -> RepoId.parse("macexo/../x"))
        .hasMessageStartingWith("Cannot use 'macexo/../x' as a repo id");
    assertThatThrownBy(() -> RepoId.parse("macexo/a--b"))
        .hasMessageStartingWith("Cannot use 'a--b' as a repo name");
  }
}
