package io.macexo.exoetl.hub;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the body of {@code POST /api/datasets/{repo}/commit/{revision}}: NDJSON, a {@code header}
 * line (summary, description, parentCommit) then one line per operation ({@code file} with base64
 * content, {@code lfsFile} naming an uploaded object, {@code deletedFile}). Pure: no I/O, so it is
 * tested without a network.
 */
public final class CommitPayload {
  /** The Hub times out long commits; batches stay at or below this many operations. */
  public static final int MAX_OPERATIONS = 50;

  private static final ObjectMapper JSON = new ObjectMapper();

  private CommitPayload() {}

  /**
   * The NDJSON text of a commit.
   *
   * @param parentCommit the head the operations were planned against; the Hub answers 412 if it
   *     moved
   * @throws IllegalArgumentException when two operations touch one path or there are none
   */
  public static String ndjson(
      String summary, String description, String parentCommit, List<CommitOperation> operations) {
    if (summary == null || summary.isBlank()) {
      throw new IllegalArgumentException("Cannot build a commit: the summary is blank");
    }
    if (operations.isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot build commit '" + summary + "': it has no operations");
    }
    Set<String> seen = new HashSet<>();
    StringBuilder body = new StringBuilder();
    ObjectNode header =
        JSON.createObjectNode().put("summary", summary).put("description", description);
    if (parentCommit != null) {
      header.put("parentCommit", parentCommit);
    }
    line(body, "header", header);
    for (CommitOperation operation : operations) {
      if (!seen.add(operation.path())) {
        throw new IllegalArgumentException(
            "Cannot build commit '" + summary + "': " + operation.path() + " appears twice");
      }
      line(body, key(operation), value(operation));
    }
    return body.toString();
  }

  /** The same text as UTF-8 bytes, ready to send. */
  public static byte[] bytes(String ndjson) {
    return ndjson.getBytes(StandardCharsets.UTF_8);
  }

  private static String key(CommitOperation operation) {
    if (operation instanceof CommitOperation.AddLfs) {
      return "lfsFile";
    }
    return operation instanceof CommitOperation.AddRegular ? "file" : "deletedFile";
  }

  private static ObjectNode value(CommitOperation operation) {
    ObjectNode value = JSON.createObjectNode().put("path", operation.path());
    if (operation instanceof CommitOperation.AddLfs add) {
      value.put("algo", "sha256").put("oid", add.sha256()).put("size", add.size());
    } else if (operation instanceof CommitOperation.AddRegular add) {
      value
          .put("content", Base64.getEncoder().encodeToString(add.content()))
          .put("encoding", "base64");
    }
    return value;
  }

  private static void line(StringBuilder body, String key, ObjectNode value) {
    ObjectNode line = JSON.createObjectNode().put("key", key);
    line.set("value", value);
    body.append(line).append('\n');
  }
}
