package io.macexo.exoetl.hub.devhub;

/**
 * An error answer of the dev-hub, sent like the Hub sends them: the status, {@code X-Error-Code}
 * (when the Hub has one for the case), {@code X-Error-Message} and a JSON body {@code {"error":
 * message}}.
 */
final class DevHubError extends RuntimeException {
  private final int status;
  private final String code;

  DevHubError(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  static DevHubError badRequest(String message) {
    return new DevHubError(400, null, message);
  }

  static DevHubError repoNotFound(String repo) {
    return new DevHubError(404, "RepoNotFound", "Repository not found: " + repo);
  }

  static DevHubError revisionNotFound(String revision) {
    return new DevHubError(404, "RevisionNotFound", "Invalid rev id: " + revision);
  }

  static DevHubError entryNotFound(String path) {
    return new DevHubError(404, "EntryNotFound", "Entry not found: " + path);
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  /** The answer the Hub gives for this error: status, headers and {@code {"error": message}}. */
  DevResponse toResponse() {
    DevResponse response =
        DevResponse.json(status, DevRequest.JSON.createObjectNode().put("error", getMessage()));
    if (code != null) {
      response.header("X-Error-Code", code);
    }
    return response.header("X-Error-Message", getMessage());
  }
}
