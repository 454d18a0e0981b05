package io.macexo.exoetl.hub.devhub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.macexo.exoetl.hub.GitOids;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dev-hub's protocol answers, driven with raw HTTP (not the sync client), so its rules are
 * checked on their own.
 */
class DevHubServerTest {
  private static final String TOKEN = "hf_devhubServerTest1";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @TempDir Path storage;
  private DevHubServer hub;

  @BeforeEach
  void start() throws Exception {
    hub =
        DevHubServer.start(DevHubOptions.withTokens(Set.of(TOKEN)).withPageSizes(2, 2), storage, 0);
    assertThat(
            send(
                    "POST",
                    "/api/repos/create",
                    "{\"name\":\"r\",\"organization\":\"ns\",\"type\":\"dataset\"}",
                    TOKEN)
                .statusCode())
        .isEqualTo(200);
  }

  @AfterEach
  void stop() {
    hub.close();
  }

  private HttpResponse<String> send(
      String method, String pathOrUrl, String body, String token, String... headers)
      throws Exception {
    URI uri =
        pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : URI.create(hub.url() + pathOrUrl);
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String head() throws Exception {
    return JSON.readTree(send("GET", "/api/datasets/ns/r/revision/main", null, TOKEN).body())
        .get("sha")
        .asText();
  }

  private HttpResponse<String> commit(String parent, String... operations) throws Exception {
    StringBuilder body =
        new StringBuilder(
            "{\"key\":\"header\",\"value\":{\"summary\":\"s\",\"parentCommit\":\""
                + parent
                + "\"}}\n");
    for (String operation : operations) {
      body.append(operation).append('\n');
    }
    return send("POST", "/api/datasets/ns/r/commit/main", body.toString(), TOKEN);
  }

  private static String inline(String path, String text) {
    return "{\"key\":\"file\",\"value\":{\"path\":\""
        + path
        + "\",\"encoding\":\"base64\",\"content\":\""
        + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))
        + "\"}}";
  }

  private String uploadUrl(String oid, long size) throws Exception {
    String batch =
        "{\"operation\":\"upload\",\"transfers\":[\"basic\"],\"hash_algo\":\"sha256\",\"objects\":[{\"oid\":\""
            + oid
            + "\",\"size\":"
            + size
            + "}]}";
    JsonNode answer =
        JSON.readTree(
            send(
                    "POST",
                    "/datasets/ns/r.git/info/lfs/objects/batch",
                    batch,
                    TOKEN,
                    "Accept",
                    "application/vnd.git-lfs+json",
                    "Content-Type",
                    "application/vnd.git-lfs+json")
                .body());
    return answer.at("/objects/0/actions/upload/href").asText();
  }

  @Test
  void refusesAWrongTokenAndWritesWithoutOne() throws Exception {
    HttpResponse<String> wrong = send("GET", "/api/datasets/ns/r", null, "hf_notTheRightOne");
    HttpResponse<String> anonymousCommit =
        send("POST", "/api/datasets/ns/r/commit/main", inline("a.txt", "a"), null);

    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.headers().firstValue("X-Error-Message"))
        .contains("Invalid credentials in Authorization header");
    assertThat(anonymousCommit.statusCode()).isEqualTo(401);
    assertThat(
            send(
                    "POST",
                    "/api/repos/create",
                    "{\"name\":\"r\",\"organization\":\"ns\",\"type\":\"dataset\"}",
                    TOKEN)
                .statusCode())
        .isEqualTo(409);
  }

  @Test
  void privateReposNeedAToken() throws Exception {
    send(
        "POST",
        "/api/repos/create",
        "{\"name\":\"p\",\"organization\":\"ns\",\"type\":\"dataset\",\"private\":true}",
        TOKEN);

    HttpResponse<String> anonymous = send("GET", "/api/datasets/ns/p", null, null);

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("X-Error-Code")).contains("RepoNotFound");
    assertThat(
            JSON.readTree(send("GET", "/api/datasets/ns/p", null, TOKEN).body())
                .get("private")
                .asBoolean())
        .isTrue();
  }

  @Test
  void aStaleParentIsA412AndAMissingDeleteIsEntryNotFound() throws Exception {
    String first = head();
    assertThat(commit(first, inline("a.txt", "a")).statusCode()).isEqualTo(200);

    assertThat(commit(first, inline("b.txt", "b")).statusCode()).isEqualTo(412);
    HttpResponse<String> missing =
        commit(head(), "{\"key\":\"deletedFile\",\"value\":{\"path\":\"nope.txt\"}}");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("X-Error-Code")).contains("EntryNotFound");
    assertThat(commit(head(), inline("../x", "x")).statusCode()).isEqualTo(400);
  }

  @Test
  void anLfsFileMustNameAnUploadedObjectOfThatSize() throws Exception {
    byte[] bytes = "parquet bytes".getBytes(StandardCharsets.UTF_8);
    String oid = GitOids.sha256(bytes);
    String lfsFile =
        "{\"key\":\"lfsFile\",\"value\":{\"path\":\"d/x.parquet\",\"algo\":\"sha256\",\"oid\":\""
            + oid
            + "\",\"size\":"
            + bytes.length
            + "}}";

    HttpResponse<String> early = commit(head(), lfsFile);
    String url = uploadUrl(oid, bytes.length);
    HttpResponse<String> withToken = send("PUT", url, "parquet bytes", TOKEN);
    HttpResponse<String> wrongBytes = send("PUT", url, "other bytes!!", null);
    HttpResponse<String> badSignature =
        send("PUT", url.replaceAll("sig=[0-9a-f]+", "sig=00"), "parquet bytes", null);
    HttpResponse<String> put = send("PUT", url, "parquet bytes", null);

    assertThat(early.statusCode()).isEqualTo(400);
    assertThat(early.body()).contains("was never uploaded");
    assertThat(withToken.statusCode()).as("presigned URLs take no token").isEqualTo(400);
    assertThat(wrongBytes.statusCode()).isEqualTo(400);
    assertThat(badSignature.statusCode()).isEqualTo(403);
    assertThat(put.statusCode()).isEqualTo(200);
    assertThat(uploadUrl(oid, bytes.length)).as("stored objects get no actions").isEmpty();
    assertThat(commit(head(), lfsFile).statusCode()).isEqualTo(200);
  }

  @Test
  void resolveAnswersARangeProbeLikeTheHub() throws Exception {
    byte[] bytes = "0123456789".getBytes(StandardCharsets.UTF_8);
    String oid = GitOids.sha256(bytes);
    send("PUT", uploadUrl(oid, 10), "0123456789", null);
    commit(
        head(),
        "{\"key\":\"lfsFile\",\"value\":{\"path\":\"d/x.bin\",\"algo\":\"sha256\",\"oid\":\""
            + oid
            + "\",\"size\":10}}",
        inline("notes.txt", "hello\n"));

    HttpResponse<String> probe =
        send("GET", "/datasets/ns/r/resolve/main/d/x.bin", null, TOKEN, "Range", "bytes=0-0");
    HttpResponse<String> full = send("GET", "/datasets/ns/r/resolve/main/notes.txt", null, TOKEN);
    HttpResponse<String> missing = send("GET", "/datasets/ns/r/resolve/main/none.txt", null, TOKEN);

    assertThat(probe.statusCode()).isEqualTo(206);
    assertThat(probe.body()).isEqualTo("0");
    assertThat(probe.headers().firstValue("Content-Range")).contains("bytes 0-0/10");
    assertThat(probe.headers().firstValue("X-Linked-ETag")).contains("\"" + oid + "\"");
    assertThat(probe.headers().firstValue("X-Linked-Size")).contains("10");
    assertThat(full.body()).isEqualTo("hello\n");
    assertThat(full.headers().firstValue("ETag"))
        .contains("\"ce013625030ba8dba906f756967f9e9ca394464a\"");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("X-Error-Code")).contains("EntryNotFound");
  }

  @Test
  void listingsArePagedWithAbsoluteNextLinks() throws Exception {
    commit(head(), inline("a/1.txt", "1"), inline("a/2.txt", "2"));
    commit(head(), inline("b.txt", "b"));

    HttpResponse<String> tree =
        send("GET", "/api/datasets/ns/r/tree/main?recursive=true&expand=false", null, TOKEN);
    String next =
        tree.headers().firstValue("Link").orElseThrow().replaceAll("^<(.*)>; rel=\"next\"$", "$1");
    HttpResponse<String> commits =
        send("GET", "/api/datasets/ns/r/commits/main?limit=100", null, TOKEN);
    HttpResponse<String> pathsInfo =
        send(
            "POST",
            "/api/datasets/ns/r/paths-info/main",
            "{\"paths\":[\"a\",\"b.txt\",\"zzz\"],\"expand\":false}",
            TOKEN,
            "Content-Type",
            "application/json");

    assertThat(JSON.readTree(tree.body()))
        .extracting(n -> n.get("path").asText())
        .containsExactly("a", ".gitattributes");
    assertThat(next).startsWith(hub.url() + "/api/datasets/ns/r/tree/main?");
    assertThat(JSON.readTree(send("GET", next, null, TOKEN).body()))
        .extracting(n -> n.get("path").asText())
        .containsExactly("a/1.txt", "a/2.txt");
    assertThat(commits.headers().firstValue("X-Total-Count")).contains("3");
    assertThat(JSON.readTree(commits.body()).get(0).get("id").asText()).isEqualTo(head());
    assertThat(commits.headers().firstValue("Link"))
        .hasValueSatisfying(link -> assertThat(link).contains("p=1"));
    assertThat(JSON.readTree(pathsInfo.body()))
        .extracting(n -> n.get("type").asText() + " " + n.get("path").asText())
        .containsExactly("directory a", "file b.txt");
  }

  @Test
  void injectedFailuresHitTheChosenRequestOnly() throws Exception {
    Faults.on(hub).injectFailure(Route.REPO_INFO, 2, Failure.retryAfter(429, 7));

    int first = send("GET", "/api/datasets/ns/r", null, TOKEN).statusCode();
    HttpResponse<String> second = send("GET", "/api/datasets/ns/r", null, TOKEN);
    int third = send("GET", "/api/datasets/ns/r", null, TOKEN).statusCode();

    assertThat(first).isEqualTo(200);
    assertThat(second.statusCode()).isEqualTo(429);
    assertThat(second.headers().firstValue("Retry-After")).contains("7");
    assertThat(third).isEqualTo(200);
    assertThat(hub.requestCount(Route.REPO_INFO)).isEqualTo(3);
  }
}
