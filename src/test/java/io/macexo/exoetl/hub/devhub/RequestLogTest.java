package io.macexo.exoetl.hub.devhub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The request log: one JSON line per request, written before the answer, with no token in it, and a
 * dropped connection recorded with status 0.
 */
class RequestLogTest {
  private static final String TOKEN = "hf_requestLogTest1";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @TempDir Path temp;

  @Test
  void writesOneLinePerRequestBeforeTheAnswer() throws Exception {
    Path file = temp.resolve("logs/requests.jsonl");
    try (DevHubServer hub =
        DevHubServer.start(DevHubOptions.withTokens(Set.of(TOKEN)), temp.resolve("storage"), 0)) {
      hub.logRequests(RequestLog.appendingTo(file));
      int created =
          send(
              hub,
              "POST",
              "/api/repos/create",
              "{\"name\":\"r\",\"organization\":\"ns\",\"type\":\"dataset\"}");
      int info = send(hub, "GET", "/api/datasets/ns/r/revision/main", null);
      // The line is there as soon as the answer is, with no wait.
      List<JsonNode> afterInfo = lines(file);
      int missing = send(hub, "GET", "/datasets/ns/r/resolve/main/none.json?download=true", null);

      assertThat(List.of(created, info, missing)).containsExactly(200, 200, 404);
      assertThat(afterInfo).hasSize(2);
      List<JsonNode> lines = lines(file);
      assertThat(lines)
          .extracting(line -> line.get("method").asText() + " " + line.get("route").asText())
          .containsExactly("POST CREATE_REPO", "GET REPO_INFO", "GET RESOLVE");
      JsonNode last = lines.get(2);
      assertThat(last.get("path").asText()).isEqualTo("/datasets/ns/r/resolve/main/none.json");
      assertThat(last.get("query").asText()).isEqualTo("download=true");
      assertThat(last.get("status").asInt()).isEqualTo(404);
      assertThat(lines.get(1).get("query").isNull()).isTrue();
      assertThat(lines.get(0).get("time").asText()).endsWith("Z");
    }
    assertThat(Files.readString(file)).doesNotContain(TOKEN);
  }

  @Test
  void recordsADroppedConnectionWithStatusZeroAndAppendsAcrossServers() throws Exception {
    Path file = temp.resolve("requests.jsonl");
    Files.writeString(file, "{\"earlier\":true}\n");
    try (DevHubServer hub =
        DevHubServer.start(DevHubOptions.withTokens(Set.of(TOKEN)), temp.resolve("storage"), 0)) {
      hub.logRequests(RequestLog.appendingTo(file));
      Faults.on(hub).injectFailure(Route.WHOAMI, 1, Failure.DROP_CONNECTION);
      try {
        send(hub, "GET", "/api/whoami-v2", null);
      } catch (java.io.IOException expected) {
        // The server closed the connection without an answer, as injected.
      }
    }
    List<JsonNode> lines = lines(file);
    assertThat(lines.get(0).get("earlier").asBoolean()).isTrue();
    // The JDK client may retry a GET on a lost connection; the retry is answered normally.
    JsonNode dropped = lines.get(1);
    assertThat(dropped.get("route").asText()).isEqualTo("WHOAMI");
    assertThat(dropped.get("status").asInt()).isEqualTo(RequestLog.DROPPED);
  }

  @Test
  void redactsTheSignatureOfAPresignedUrl() throws Exception {
    Path file = temp.resolve("requests.jsonl");
    try (RequestLog log = RequestLog.appendingTo(file)) {
      log.record(
          "PUT",
          Route.LFS_UPLOAD,
          URI.create("http://127.0.0.1:1/storage/abc?size=3&sig=secret123"),
          200);
      RequestLog.none().record("GET", Route.TREE, URI.create("http://127.0.0.1:1/x"), 200);
    }
    List<JsonNode> lines = lines(file);
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0).get("query").asText()).isEqualTo("size=3&sig=redacted");
  }

  private int send(DevHubServer hub, String method, String path, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(hub.url() + path))
            .header("Authorization", "Bearer " + TOKEN)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static List<JsonNode> lines(Path file) throws Exception {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      lines.add(JSON.readTree(line));
    }
    return lines;
  }
}
