package io.macexo.exoetl.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.macexo.exoetl.audit.Problem.Check;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * One JSON file beside the data (metadata.json, stats.json, manifest.json) as the audit found it:
 * absent (a Hub download may lack it; its check is skipped with a note), broken (one problem of its
 * check naming the file: a folder in its place, unreadable, empty, not JSON, not a JSON object), or
 * its parsed object. Read on the driver; never throws for what the file holds.
 *
 * @param name the file's name relative to the output root, as problems name it
 */
record JsonFile(String name, Optional<JsonNode> json, Optional<Problem> problem) {
  // Trailing text after the object is damage too, not something to ignore.
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** Reads {@code name} under {@code root}; its problems belong to {@code check}. */
  static JsonFile read(FileSystem fs, Path root, String name, Check check) {
    Path path = new Path(root, name);
    FileStatus status;
    try {
      status = fs.getFileStatus(path);
    } catch (FileNotFoundException e) {
      return new JsonFile(name, Optional.empty(), Optional.empty());
    } catch (IOException e) {
      return broken(name, AuditMessages.unreadable(check, name, e));
    }
    if (status.isDirectory()) {
      return broken(name, AuditMessages.isAFolder(check, name));
    }
    if (status.getLen() == 0) {
      return broken(name, AuditMessages.emptyFile(check, name));
    }
    return parse(fs, path, name, check);
  }

  private static JsonFile parse(FileSystem fs, Path path, String name, Check check) {
    JsonNode node;
    try (InputStream in = fs.open(path)) {
      node = MAPPER.readTree(in);
    } catch (JsonProcessingException e) {
      return broken(name, AuditMessages.notJson(check, name, e));
    } catch (IOException e) {
      // Permission denied is a FileNotFoundException here, from java.io.
      return broken(name, AuditMessages.unreadable(check, name, e));
    }
    return node.isObject()
        ? new JsonFile(name, Optional.of(node), Optional.empty())
        : broken(name, AuditMessages.notAnObject(check, name, node));
  }

  private static JsonFile broken(String name, Problem problem) {
    return new JsonFile(name, Optional.empty(), Optional.of(problem));
  }

  /** True when the output has no such file. */
  boolean absent() {
    return json.isEmpty() && problem.isEmpty();
  }
}
