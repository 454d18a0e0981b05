package io.macexo.exoetl.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code exo-etl dev-hub --request-log FILE}: every request served is a line in FILE. */
class DevHubCommandRequestLogTest {
  @TempDir Path temp;

  @Test
  void logsEachRequestToTheGivenFile() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    Path log = temp.resolve("requests.jsonl");
    Thread server =
        new Thread(
            () -> {
              try {
                CliRun.parse(
                        new DevHubCommand(Map.of("HF_TOKEN", "hf_requestLogCommand1")),
                        "dev-hub",
                        "--port",
                        "0",
                        "--storage",
                        temp.resolve("storage").toString(),
                        "--request-log",
                        log.toString())
                    .run(out);
              } catch (Exception e) {
                // Interrupted by the test: the server stops.
              }
            });
    server.start();
    URI url = awaitUrl(bytes);
    int status =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(url.resolve("/api/whoami-v2"))
                    .header("Authorization", "Bearer hf_requestLogCommand1")
                    .build(),
                HttpResponse.BodyHandlers.discarding())
            .statusCode();
    server.interrupt();
    server.join(5000);

    assertThat(status).isEqualTo(200);
    List<String> lines = Files.readAllLines(log);
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0))
        .contains("\"method\":\"GET\"", "\"route\":\"WHOAMI\"", "\"status\":200")
        .doesNotContain("hf_requestLogCommand1");
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
