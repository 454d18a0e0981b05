package io.macexo.exoetl.hub.devhub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dev-hub's branches, tags and refs, its scoped tokens, the Hub-like rate-limit and stall
 * faults, and the admin routes that play them from outside the JVM, driven with raw HTTP.
 */
class DevHubRefsAndFaultsTest {
  private static final String TOKEN = "hf_devhubRefsTest1";
  private static final String SCOPED = "hf_devhubScoped22";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @TempDir Path storage;
  private DevHubServer hub;

  @BeforeEach
  void start() throws Exception {
    hub =
        DevHubServer.start(
            DevHubOptions.withTokens(Set.of(TOKEN)).withScopedTokens(Set.of(SCOPED)), storage, 0);
    assertThat(send("POST", "/api/repos/create", create("r"), TOKEN).statusCode()).isEqualTo(200);
  }

  @AfterEach
  void stop() {
    hub.close();
  }

  private static String create(String name) {
    return "{\"name\":\"" + name + "\",\"organization\":\"ns\",\"type\":\"dataset\"}";
  }

  private HttpResponse<String> send(String method, String path, String body, String token)
      throws Exception {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(hub.url() + path))
            .timeout(Duration.ofSeconds(10))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String head(String revision) throws Exception {
    return JSON.readTree(send("GET", "/api/datasets/ns/r/revision/" + revision, null, TOKEN).body())
        .path("sha")
        .asText();
  }

  @Test
  void branchesAndTagsAreCreatedListedAndResolvedAndNeverTakenTwice() throws Exception {
    String main = head("main");

    assertThat(send("POST", "/api/datasets/ns/r/branch/dev", "{}", TOKEN).statusCode())
        .isEqualTo(200);
    assertThat(send("POST", "/api/datasets/ns/r/branch/dev", "", TOKEN).statusCode())
        .isEqualTo(409);
    assertThat(
            send(
                    "POST",
                    "/api/datasets/ns/r/tag/" + main,
                    "{\"tag\":\"v1\",\"message\":\"m\"}",
                    TOKEN)
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> again =
        send("POST", "/api/datasets/ns/r/tag/main", "{\"tag\":\"v1\"}", TOKEN);

    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(head("dev")).isEqualTo(main);
    assertThat(head("v1")).isEqualTo(main);
    assertThat(send("GET", "/datasets/ns/r/resolve/v1/.gitattributes", null, TOKEN).statusCode())
        .isEqualTo(200);
    JsonNode refs = JSON.readTree(send("GET", "/api/datasets/ns/r/refs", null, TOKEN).body());
    assertThat(refs.toString())
        .isEqualTo(
            "{\"branches\":[{\"name\":\"dev\",\"ref\":\"refs/heads/dev\",\"targetCommit\":\""
                + main
                + "\"},{\"name\":\"main\",\"ref\":\"refs/heads/main\",\"targetCommit\":\""
                + main
                + "\"}],\"tags\":[{\"name\":\"v1\",\"ref\":\"refs/tags/v1\",\"targetCommit\":\""
                + main
                + "\"}],\"converts\":[]}");
    hub.close();
    hub = DevHubServer.start(DevHubOptions.withTokens(Set.of(TOKEN)), storage, 0);
    assertThat(head("v1")).as("tags survive a restart").isEqualTo(main);
  }

  @Test
  void aScopedTokenMayWriteButNotCreate() throws Exception {
    HttpResponse<String> create = send("POST", "/api/repos/create", create("other"), SCOPED);

    assertThat(create.statusCode()).isEqualTo(403);
    assertThat(create.headers().firstValue("X-Error-Message").orElse(""))
        .startsWith("You don't have the rights to create a repo");
    assertThat(send("POST", "/api/datasets/ns/r/branch/scoped", "{}", SCOPED).statusCode())
        .isEqualTo(200);
  }

  @Test
  void aRateLimitAnswersLikeTheHubWithoutRetryAfter() throws Exception {
    Faults.on(hub).injectFailure(Route.TREE, 1, Failure.rateLimited(55));

    HttpResponse<String> limited = send("GET", "/api/datasets/ns/r/tree/main", null, TOKEN);

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("RateLimit")).contains("\"api\";r=0;t=55");
    assertThat(limited.headers().firstValue("RateLimit-Policy"))
        .contains("\"fixed window\";\"api\";q=1000;w=300");
    assertThat(limited.headers().firstValue("Retry-After")).isEmpty();
    assertThat(send("GET", "/api/datasets/ns/r/tree/main", null, TOKEN).statusCode())
        .isEqualTo(200);
  }

  @Test
  void aStallNeitherReadsNorAnswers() throws Exception {
    Faults.on(hub).injectFailure(Route.REPO_INFO, 1, Failure.stall(Duration.ofSeconds(20)));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(hub.url() + "/api/datasets/ns/r"))
            .timeout(Duration.ofMillis(500))
            .build();

    assertThatThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(HttpTimeoutException.class);
    assertThat(send("GET", "/api/datasets/ns/r", null, TOKEN).statusCode()).isEqualTo(200);
  }

  @Test
  void theAdminRoutesPlayFaultsForTestsOutsideTheJvmOnlyWhenEnabled() throws Exception {
    String rateLimit =
        "{\"route\":\"commits\",\"at\":1,\"times\":2,\"kind\":\"rate-limit\",\"seconds\":7}";
    assertThat(send("POST", "/_dev-hub/failures", rateLimit, null).statusCode()).isEqualTo(404);

    Faults.on(hub).serveAdmin(hub);
    hub.resetCounts();
    assertThat(send("POST", "/_dev-hub/failures", rateLimit, null).statusCode()).isEqualTo(200);
    assertThat(
            send("POST", "/_dev-hub/failures", "{\"route\":\"nope\",\"kind\":\"drop\"}", null)
                .body())
        .contains("Unknown route 'nope'");

    assertThat(
            send("GET", "/api/datasets/ns/r/commits/main", null, TOKEN)
                .headers()
                .firstValue("RateLimit"))
        .contains("\"api\";r=0;t=7");
    assertThat(send("GET", "/_dev-hub/counts", null, null).body())
        .as("admin calls are not counted")
        .isEqualTo("{\"COMMITS\":1}");
    assertThat(send("DELETE", "/_dev-hub/failures", null, null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/api/datasets/ns/r/commits/main", null, TOKEN).statusCode())
        .isEqualTo(200);
    assertThat(send("POST", "/_dev-hub/counts/reset", null, null).statusCode()).isEqualTo(200);
    assertThat(hub.totalRequests()).isZero();
  }
}
