package io.macexo.exoetl.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Creating what a sync commits to: the repo, a branch, a tag. Each is idempotent, as in
 * huggingface_hub's {@code hf_api.py}: a repo that exists is fine (409, or 401/402/403 from a token
 * that may write a repo but not create one, after checking that the repo is there); a 409
 * "conflicting operation is in progress" is retried with backoff; no {@code visibility} is sent
 * unless asked, so an organisation's default applies; a branch that exists is fine; a tag that
 * already names the same commit is fine, one naming another commit is refused (tags do not move).
 */
public final class HubRepos {
  private static final String IN_PROGRESS = "in progress";

  private final HubClient client;
  private final HubHttp http;

  HubRepos(HubClient client, HubHttp http) {
    this.client = client;
    this.http = http;
  }

  /** Creates a dataset repo; true when this call created it, false when it already existed. */
  public boolean createRepo(RepoId repo, Visibility visibility) {
    String action = "create dataset repo " + repo;
    ObjectNode body = http.mapper().createObjectNode();
    body.put("name", repo.name()).put("organization", repo.namespace()).put("type", "dataset");
    if (visibility.wireValue() != null) {
      body.put("visibility", visibility.wireValue());
    }
    for (int attempt = 1; ; attempt++) {
      HttpResponse<byte[]> response =
          http.send(action, post("/api/repos/create", body), Set.of(401, 402, 403, 409));
      int status = response.statusCode();
      if (status / 100 == 2) {
        return true;
      }
      HubException error = http.error(action, response);
      if (status != 409) {
        return existsAnyway(repo, error);
      }
      if (!saysInProgress(response)) {
        return false;
      }
      if (attempt > http.waiter().policy().maxRetries()) {
        throw error;
      }
      http.waiter().backoff(action, attempt, "HTTP 409: another operation is in progress");
    }
  }

  /** Creates a branch from the head of main; false when it already existed. */
  public boolean createBranch(RepoId repo, String branch) {
    String action = "create branch " + branch + " in " + repo;
    HttpResponse<byte[]> response =
        http.send(
            action,
            post(
                repo.apiPath() + "/branch/" + HubClient.encode(branch),
                http.mapper().createObjectNode()),
            Set.of(409));
    return response.statusCode() != 409;
  }

  /**
   * Tags a commit; false when the tag already named that very commit (a re-run).
   *
   * @throws HubException when the tag names another commit
   */
  public boolean createTag(RepoId repo, String commit, String tag, String message) {
    String action = "tag " + repo + "@" + commit + " as " + tag;
    ObjectNode body = http.mapper().createObjectNode().put("tag", tag).put("message", message);
    HttpResponse<byte[]> response =
        http.send(action, post(repo.apiPath() + "/tag/" + commit, body), Set.of(409));
    if (response.statusCode() != 409) {
      return true;
    }
    String target = tags(repo).get(tag);
    if (commit.equals(target)) {
      return false;
    }
    throw HubException.local(
        action,
        "the tag already names commit "
            + target
            + "; tags do not move, so pass another --tag (or delete the old one on the Hub)");
  }

  /** The repo's tags: name to the commit each names ({@code GET .../refs}). */
  public Map<String, String> tags(RepoId repo) {
    String action = "list the tags of " + repo;
    JsonNode refs =
        http.json(action, http.send(action, client.get(repo.apiPath() + "/refs"), Set.of()));
    Map<String, String> tags = new TreeMap<>();
    for (JsonNode tag : refs.path("tags")) {
      tags.put(tag.path("name").asText(), tag.path("targetCommit").asText());
    }
    return tags;
  }

  /**
   * After a 401/402/403 on create: false (not created) when the repo is there anyway, else the
   * create error with a hint. A failure to look it up keeps the create error, which says more.
   */
  private boolean existsAnyway(RepoId repo, HubException createError) {
    boolean exists;
    try {
      exists = client.lookup(repo, SyncOptions.DEFAULT_REVISION).repoExists();
    } catch (HubException e) {
      throw createError;
    }
    if (!exists) {
      throw createError.withHint(
          "the token may not create repos in "
              + repo.namespace()
              + ": create "
              + repo
              + " on the Hub (or use a token that may), then run again");
    }
    return false;
  }

  private static boolean saysInProgress(HttpResponse<byte[]> response) {
    String text =
        response.headers().firstValue("x-error-message").orElse("")
            + " "
            + new String(response.body(), StandardCharsets.UTF_8);
    return text.toLowerCase(Locale.ROOT).contains(IN_PROGRESS);
  }

  private HttpRequest post(String path, JsonNode body) {
    return http.authorized(client.api(path))
        .header("content-type", "application/json")
        .POST(BodyPublishers.ofString(body.toString()))
        .build();
  }
}
