package io.macexo.exoetl.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The NDJSON commit body and the path rules, without a network. */
class CommitPayloadTest {
  private static final String SHA = "a".repeat(64);
  private static final String PARENT = "b".repeat(40);

  @Test
  void writesAHeaderThenOneLinePerOperation() throws Exception {
    String ndjson =
        CommitPayload.ndjson(
            "Add subject=BT01 (2 files)",
            "from exo-etl",
            PARENT,
            List.of(
                new CommitOperation.AddLfs("data/subject=BT01/part-0.parquet", SHA, 1234),
                new CommitOperation.AddRegular(
                    "README.md", "# card\n".getBytes(StandardCharsets.UTF_8)),
                new CommitOperation.Delete("data/subject=BT01/old.parquet")));

    List<JsonNode> lines = new ArrayList<>();
    for (String line : ndjson.split("\n")) {
      lines.add(new ObjectMapper().readTree(line));
    }
    assertThat(ndjson).endsWith("\n");
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0).toString())
        .isEqualTo(
            "{\"key\":\"header\",\"value\":{\"summary\":\"Add subject=BT01 "
                + "(2 files)\",\"description\":\"from exo-etl\",\"parentCommit\":\""
                + PARENT
                + "\"}}");
    assertThat(lines.get(1).toString())
        .isEqualTo(
            "{\"key\":\"lfsFile\",\"value\":{\"path\":\"data/subject=BT01/"
                + "part-0.parquet\",\"algo\":\"sha256\",\"oid\":\""
                + SHA
                + "\",\"size\":1234}}");
    assertThat(lines.get(2).toString())
        .isEqualTo(
            "{\"key\":\"file\",\"value\":{\"path\":\"README.md\",\"content\":\"IyBjYXJkCg==\",\"encoding\":\"base64\"}}");
    assertThat(lines.get(3).toString())
        .isEqualTo(
            "{\"key\":\"deletedFile\",\"value\":{\"path\":\"data/subject=BT01/old.parquet\"}}");
  }

  @Test
  void leavesParentCommitOutForARepoWithoutCommits() {
    String ndjson =
        CommitPayload.ndjson("First", "", null, List.of(new CommitOperation.Delete("a.txt")));

    assertThat(ndjson.lines().findFirst().orElseThrow()).doesNotContain("parentCommit");
  }

  @Test
  void refusesTwoOperationsOnOnePathAndAnEmptyCommit() {
    List<CommitOperation> twice =
        List.of(new CommitOperation.Delete("a.txt"), new CommitOperation.AddLfs("a.txt", SHA, 1));

    assertThatThrownBy(() -> CommitPayload.ndjson("Twice", "", PARENT, twice))
        .hasMessage("Cannot build commit 'Twice': a.txt appears twice");
    assertThatThrownBy(() -> CommitPayload.ndjson("Empty", "", PARENT, List.of()))
        .hasMessage("Cannot build commit 'Empty': it has no operations");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "../secret.txt | it has a '..' segment",
        "data/../../x | it has a '..' segment",
        ".git/config | it points inside .git",
        "data/.git/HEAD | it points inside .git",
        "/etc/passwd | it starts with '/' (paths are relative to the repo root)",
        "data\\x.parquet | it contains a backslash (use '/')",
        "data//x.parquet | it has an empty segment ('//' or a trailing '/')",
        "data/ | it has an empty segment ('//' or a trailing '/')",
        "./x | it has a '.' segment"
      })
  void operationsRefuseUnsafePaths(String path, String problem) {
    String expected = "Cannot use '" + path + "' as a path in the repo: " + problem;

    assertThatThrownBy(() -> new CommitOperation.Delete(path)).hasMessage(expected);
    assertThatThrownBy(() -> new CommitOperation.AddRegular(path, new byte[0]))
        .hasMessage(expected);
    assertThatThrownBy(() -> new CommitOperation.AddLfs(path, SHA, 1)).hasMessage(expected);
  }

  @Test
  void lfsOperationsNeedASha256() {
    assertThatThrownBy(() -> new CommitOperation.AddLfs("a.parquet", "abc", 1))
        .hasMessage("Cannot add a.parquet as an LFS file: 'abc' is not a sha256 hex digest");
  }

  @Test
  void gitBlobIdsMatchGit() {
    // `printf 'hello\n' | git hash-object --stdin`
    assertThat(GitOids.blobId("hello\n".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("ce013625030ba8dba906f756967f9e9ca394464a");
    assertThat(GitOids.blobId(new byte[0])).isEqualTo("e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");
  }
}
