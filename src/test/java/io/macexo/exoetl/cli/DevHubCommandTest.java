package io.macexo.exoetl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code exo-etl dev-hub}: serves on loopback with the configured tokens (scoped ones may not
 * create repos), without the tests' fault routes; stops when interrupted.
 */
class DevHubCommandTest {
  @TempDir Path temp;

  @Test
  void servesOnLoopbackUntilStopped() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread server =
        new Thread(
            () -> {
              try {
                CliRun.parse(
                        new DevHubCommand(Map.of("HF_TOKEN", "hf_fromEnvironment1")),
                        "dev-hub",
                        "--port",
                        "0",
                        "--storage",
                        temp.toString(),
                        "--scoped-tokens",
                        "hf_scopedFromFlag1")
                    .run(out);
              } catch (InterruptedException e) {
                // Stopped by the test.
              } catch (Exception e) {
                failure.set(e);
              }
            });
    server.start();
    URI url = awaitUrl(bytes);

    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> whoami =
        http.send(
            HttpRequest.newBuilder(url.resolve("/api/whoami-v2"))
                .header("Authorization", "Bearer hf_fromEnvironment1")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> scopedCreate =
        http.send(
            HttpRequest.newBuilder(url.resolve("/api/repos/create"))
                .header("Authorization", "Bearer hf_scopedFromFlag1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"r\",\"type\":\"dataset\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> counts =
        http.send(
            HttpRequest.newBuilder(url.resolve("/_dev-hub/counts")).build(),
            HttpResponse.BodyHandlers.ofString());
    server.interrupt();
    server.join(5000);

    assertThat(url.getHost()).isEqualTo("127.0.0.1");
    assertThat(whoami.statusCode()).isEqualTo(200);
    assertThat(scopedCreate.statusCode()).as("a scoped token may not create").isEqualTo(403);
    assertThat(counts.statusCode()).as("the product serves no fault routes").isEqualTo(404);
    assertThat(server.isAlive()).isFalse();
    assertThat(failure.get()).isNull();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("hf_fromEnvironment1");
    assertThat(Files.isDirectory(temp.resolve("repos"))).isTrue();
  }

  @Test
  void needsATokenToAccept() {
    CliRun run =
        CliRun.with(
            List.of(new DevHubCommand(Map.of("HOME", temp.toString()))),
            "dev-hub",
            "--port",
            "0",
            "--storage",
            temp.toString());

    assertThat(run)
        .isEqualTo(
            new CliRun(
                ExitCode.USAGE,
                "",
                "exo-etl dev-hub: Cannot start the dev-hub: no token to accept; pass --tokens hf_..."
                    + " or set HF_TOKEN\n"));
  }

  @Test
  void aRefusedTokenIsAUsageError() {
    assertThatThrownBy(
            () ->
                CliRun.parse(
                        new DevHubCommand(Map.of()),
                        "dev-hub",
                        "--storage",
                        temp.toString(),
                        "--tokens",
                        "secret")
                    .options())
        .isInstanceOf(UsageException.class)
        .hasMessage("Cannot accept a dev-hub token that does not start with hf_ (8+ characters)");
  }

  private static URI awaitUrl(ByteArrayOutputStream bytes) throws InterruptedException {
    Pattern listening = Pattern.compile("listening on (http://\\S+)");
    for (int i = 0; i < 200; i++) {
      Matcher matcher = listening.matcher(bytes.toString(StandardCharsets.UTF_8));
      if (matcher.find()) {
        return URI.create(matcher.group(1));
      }
      Thread.sleep(25);
    }
    throw new AssertionError("dev-hub did not start: " + bytes.toString(StandardCharsets.UTF_8));
  }
}
