package io.macexo.exoetl.hub.devhub;

/**
 * Sends each request of the Hub's protocol to the API that answers it (repos, commits, LFS,
 * downloads, refs), after the repo and token checks it needs: a read of a private repo needs a
 * token, a write needs one always.
 */
final class Dispatcher {
  private final RepoStore repos;
  private final RepoApi repoApi;
  private final CommitApi commitApi;
  private final LfsApi lfsApi;
  private final ResolveApi resolveApi;
  private final RefsApi refsApi;

  Dispatcher(RepoStore repos, BlobStore blobs, DevHubOptions options) {
    this.repos = repos;
    this.repoApi = new RepoApi(repos, blobs, options);
    this.commitApi = new CommitApi(blobs);
    this.lfsApi = new LfsApi(blobs, options);
    this.resolveApi = new ResolveApi(blobs);
    this.refsApi = new RefsApi();
  }

  DevResponse dispatch(DevRequest request) {
    return switch (request.match.route()) {
      case CREATE_REPO -> repoApi.create(requireUser(request));
      case WHOAMI -> repoApi.whoami(request);
      case REPO_INFO -> repoApi.info(request, readable(request));
      case TREE -> repoApi.tree(request, readable(request));
      case PATHS_INFO -> repoApi.pathsInfo(request, readable(request));
      case COMMITS -> repoApi.commits(request, readable(request));
      case RESOLVE -> resolveApi.resolve(request, readable(request));
      case PREUPLOAD -> commitApi.preupload(request, writable(request));
      case COMMIT -> commitApi.commit(request, writable(request));
      case LFS_BATCH -> lfsApi.batch(request, writable(request));
      case LFS_VERIFY -> {
        writable(request);
        yield lfsApi.verify(request);
      }
      case LFS_UPLOAD -> lfsApi.upload(request);
      case LFS_PART -> lfsApi.part(request);
      case LFS_COMPLETE -> lfsApi.complete(request);
      case CREATE_BRANCH -> refsApi.createBranch(request, writable(request));
      case CREATE_TAG -> refsApi.createTag(request, writable(request));
      case REFS -> refsApi.refs(request, readable(request));
      case UNKNOWN ->
          throw new DevHubError(404, null, "Not found: the dev-hub does not serve this path");
    };
  }

  private static DevRequest requireUser(DevRequest request) {
    if (request.user == null) {
      throw new DevHubError(401, null, "Authorization header is required for this request");
    }
    return request;
  }

  private DevRepo readable(DevRequest request) {
    DevRepo repo =
        repos
            .find(request.match.repoKey())
            .orElseThrow(() -> DevHubError.repoNotFound(request.match.repoKey()));
    if (repo.privateRepo && request.user == null) {
      throw new DevHubError(
          401, "RepoNotFound", "Repository not found (private repos need a token)");
    }
    return repo;
  }

  private DevRepo writable(DevRequest request) {
    requireUser(request);
    return readable(request);
  }
}
