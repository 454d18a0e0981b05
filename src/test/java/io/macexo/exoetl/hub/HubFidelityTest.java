package io.macexo.exoetl.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.macexo.exoetl.hub.devhub.DevHubOptions;
import io.macexo.exoetl.hub.devhub.Route;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the dev-hub speaks the real protocol by driving it with the official JavaScript client
 * ({@code @huggingface/hub}, src/test/js/fidelity.mjs): create, upload (inline, LFS single part,
 * LFS multipart), delete, list, download, count commits; and has the official client read back and
 * hash what {@code sync} uploaded. Skips when node or npm is not on the PATH; installs the client
 * with {@code npm ci} (into src/test/js/node_modules, ignored by Git) the first time.
 */
class HubFidelityTest {
  private static final Path SCRIPTS = Path.of(System.getProperty("user.dir"), "src", "test", "js");

  @TempDir Path temp;

  @Test
  void theOfficialClientRoundTripsAndReadsBackWhatSyncUploaded() throws Exception {
    assumeThat(onPath("node"))
        .as("node is not on the PATH: cannot run the official client")
        .isTrue();
    assumeThat(onPath("npm"))
        .as("npm is not on the PATH: cannot install the official client")
        .isTrue();
    installOnce();
    FakeOutput output =
        FakeOutput.standard(temp.resolve("out"))
            .write("data/subject=BT04/part-00000.parquet", 1_300_000, 42);
    DevHubOptions options =
        DevHubOptions.withTokens(Set.of(HubHarness.TOKEN))
            .withMultipart(1 << 20, 512 * 1024)
            .withPageSizes(3, 2);
    try (HubHarness h = new HubHarness(temp.resolve("hub"), options)) {
      assertThat(h.sync(SyncOptions.of(output.uri(), HubHarness.REPO)).failure()).isNull();
      h.hub.resetCounts();

      JsonNode result = runScript(h, "macexo/js-fidelity");

      assertRoundTrip(result.get("roundTrip"), h);
      JsonNode synced = result.get("synced");
      Map<String, String> remote = h.hub.files(HubHarness.REPO.toString());
      assertThat(synced.get("files").size()).isEqualTo(remote.size());
      remote.keySet().stream()
          .filter(path -> path.startsWith("data/") || path.equals("README.md"))
          .forEach(
              path ->
                  assertThat(synced.at("/files/" + path.replace("/", "~1")).asText())
                      .as(path)
                      .isEqualTo(output.publishedSha256(path, HubHarness.REPO)));
      assertThat(synced.get("commits").asInt())
          .isEqualTo(h.hub.commitCount(HubHarness.REPO.toString()))
          .isEqualTo(1 + 1);
      assertThat(synced.get("titles").toString())
          .contains("Add BT01, BT02, BT03, BT04 and the dataset card (7 files)", "initial commit");
      assertThat(h.hub.requestCount(Route.LFS_PART))
          .as("the official client used multipart")
          .isEqualTo(5);
      assertThat(h.hub.requestCount(Route.TREE)).as("it followed Link pagination").isGreaterThan(2);
    }
  }

  private static void assertRoundTrip(JsonNode trip, HubHarness h) {
    assertThat(trip.get("private").asBoolean()).isTrue();
    assertThat(trip.get("repoUrl").asText())
        .isEqualTo(h.hub.url() + "/datasets/macexo/js-fidelity");
    assertThat(trip.get("files").toString())
        .contains(
            "{\"path\":\"data/large.bin\",\"size\":2109497,\"lfs\":true}",
            "{\"path\":\"data/small.bin\",\"size\":307200,\"lfs\":true}",
            "{\"path\":\"notes/hello.txt\",\"size\":31,\"lfs\":false}")
        .doesNotContain("old.txt");
    assertThat(trip.get("commits").asInt())
        .isEqualTo(3)
        .isEqualTo(h.hub.commitCount("macexo/js-fidelity"));
    assertThat(trip.get("titles").toString())
        .isEqualTo("[\"JS delete old.txt\",\"JS upload\",\"initial commit\"]");
    assertThat(trip.get("pathsInfo").toString()).isEqualTo("[\"data/large.bin\"]");
    assertThat(trip.get("missingInfo").isNull()).isTrue();
    trip.get("downloads")
        .fields()
        .forEachRemaining(
            download ->
                assertThat(download.getValue().get(0))
                    .as(download.getKey())
                    .isEqualTo(download.getValue().get(1)));
  }

  private JsonNode runScript(HubHarness h, String jsRepo) throws Exception {
    ProcessBuilder node =
        new ProcessBuilder("node", "fidelity.mjs")
            .directory(SCRIPTS.toFile())
            .redirectErrorStream(true)
            .redirectOutput(temp.resolve("node.log").toFile());
    node.environment()
        .putAll(
            Map.of(
                "HUB_URL",
                h.hub.url().toString(),
                "HF_TOKEN",
                HubHarness.TOKEN,
                "JS_REPO",
                jsRepo,
                "SYNCED_REPO",
                HubHarness.REPO.toString()));
    int code = run(node, 120);
    List<String> log = Files.readAllLines(temp.resolve("node.log"), StandardCharsets.UTF_8);
    assertThat(code).as("node fidelity.mjs failed:%n%s", String.join("\n", log)).isZero();
    return new ObjectMapper().readTree(log.get(log.size() - 1));
  }

  /** {@code npm ci} from the committed lock file, unless the client is already installed. */
  private void installOnce() throws Exception {
    if (Files.isDirectory(SCRIPTS.resolve("node_modules/@huggingface/hub"))) {
      return;
    }
    ProcessBuilder npm =
        new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
            .directory(SCRIPTS.toFile())
            .redirectErrorStream(true)
            .redirectOutput(temp.resolve("npm.log").toFile());
    int code = run(npm, 300);
    assertThat(code).as("npm ci failed:%n%s", Files.readString(temp.resolve("npm.log"))).isZero();
  }

  private static int run(ProcessBuilder builder, int seconds)
      throws IOException, InterruptedException {
    Process process = builder.start();
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(builder.command() + " did not finish in " + seconds + " s");
    }
    return process.exitValue();
  }

  private static boolean onPath(String program) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
