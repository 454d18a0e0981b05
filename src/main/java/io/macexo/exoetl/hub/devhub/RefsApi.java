package io.macexo.exoetl.hub.devhub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Branches and tags as the Hub serves them: {@code POST .../branch/{name}} (optional {@code
 * {"startingPoint": rev}}, default main; 409 if the name is taken), {@code POST .../tag/{revision}}
 * with {@code {"tag", "message"}} (409 if the tag exists), and {@code GET .../refs} with {@code
 * branches}, {@code tags} and {@code converts}, each {@code {"name","ref","targetCommit"}}, as
 * huggingface_hub's {@code list_repo_refs} reads them.
 */
final class RefsApi {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,199}");

  DevResponse createBranch(DevRequest request, DevRepo repo) {
    String branch = checked(request.match.revision(), "branch");
    JsonNode body = optionalJson(request);
    DevCommit from = RepoApi.revision(repo, body.path("startingPoint").asText("main"));
    if (!repo.createBranch(branch, from.id())) {
      throw new DevHubError(409, null, "Reference already exists: " + branch);
    }
    return DevResponse.json(DevRequest.JSON.createObjectNode());
  }

  DevResponse createTag(DevRequest request, DevRepo repo) {
    DevCommit commit = RepoApi.revision(repo, request.match.revision());
    String tag = checked(optionalJson(request).path("tag").asText(""), "tag");
    if (!repo.createTag(tag, commit.id())) {
      throw new DevHubError(409, null, "Tag already exists: " + tag);
    }
    return DevResponse.json(DevRequest.JSON.createObjectNode());
  }

  DevResponse refs(DevRequest request, DevRepo repo) {
    ObjectNode answer = DevRequest.JSON.createObjectNode();
    list(answer.putArray("branches"), repo.branches(), "refs/heads/");
    list(answer.putArray("tags"), repo.tags(), "refs/tags/");
    answer.putArray("converts");
    return DevResponse.json(answer);
  }

  private static void list(ArrayNode into, Map<String, String> refs, String prefix) {
    refs.forEach(
        (name, commit) ->
            into.addObject()
                .put("name", name)
                .put("ref", prefix + name)
                .put("targetCommit", commit));
  }

  private static String checked(String name, String what) {
    if (!NAME.matcher(name).matches() || name.contains("..") || name.startsWith("refs/")) {
      throw DevHubError.badRequest("Invalid " + what + " name '" + name + "'");
    }
    return name;
  }

  /** A JSON object body, or an empty object when there is no body. */
  private static JsonNode optionalJson(DevRequest request) {
    byte[] bytes = request.bodyBytes();
    if (bytes.length == 0) {
      return DevRequest.JSON.createObjectNode();
    }
    try {
      JsonNode node = DevRequest.JSON.readTree(bytes);
      return node != null && node.isObject() ? node : DevRequest.JSON.createObjectNode();
    } catch (java.io.IOException e) {
      throw DevHubError.badRequest("Invalid JSON body: " + e.getMessage());
    }
  }
}
