package io.macexo.exoetl.hub.devhub;

import java.util.Set;

/**
 * Settings of a dev-hub.
 *
 * @param tokens the accepted access tokens (each must start with {@code hf_}); anything else is a
 *     401
 * @param multipartThreshold objects of at least this many bytes get a multipart upload
 * @param chunkSize the part size of a multipart upload
 * @param treePageSize entries per page of a tree listing (small values force pagination)
 * @param commitsPageSize the most commits per page of a history listing
 * @param scopedTokens accepted tokens that may write repos but not create them: repo creation
 *     answers them 403, as the Hub answers a fine-grained token without that right
 */
public record DevHubOptions(
    Set<String> tokens,
    long multipartThreshold,
    long chunkSize,
    int treePageSize,
    int commitsPageSize,
    Set<String> scopedTokens) {
  public static final long DEFAULT_MULTIPART_THRESHOLD = 64L << 20;
  public static final long DEFAULT_CHUNK_SIZE = 16L << 20;

  public DevHubOptions {
    tokens = Set.copyOf(tokens);
    scopedTokens = Set.copyOf(scopedTokens);
    for (String token :
        java.util.stream.Stream.concat(tokens.stream(), scopedTokens.stream()).toList()) {
      if (!token.startsWith("hf_") || token.length() < 8) {
        throw new IllegalArgumentException(
            "Cannot accept a dev-hub token that does not start with hf_ (8+ characters)");
      }
    }
    if (chunkSize < 1 || multipartThreshold < 1 || treePageSize < 1 || commitsPageSize < 1) {
      throw new IllegalArgumentException(
          "Cannot start the dev-hub: sizes and page sizes must be positive");
    }
  }

  /** Real-Hub-like defaults for a set of tokens. */
  public static DevHubOptions withTokens(Set<String> tokens) {
    return new DevHubOptions(
        tokens, DEFAULT_MULTIPART_THRESHOLD, DEFAULT_CHUNK_SIZE, 1000, 100, Set.of());
  }

  public DevHubOptions withMultipart(long threshold, long chunk) {
    return new DevHubOptions(tokens, threshold, chunk, treePageSize, commitsPageSize, scopedTokens);
  }

  public DevHubOptions withPageSizes(int tree, int commits) {
    return new DevHubOptions(tokens, multipartThreshold, chunkSize, tree, commits, scopedTokens);
  }

  /** The same options with tokens that may write repos but not create them. */
  public DevHubOptions withScopedTokens(Set<String> scoped) {
    return new DevHubOptions(
        tokens, multipartThreshold, chunkSize, treePageSize, commitsPageSize, scoped);
  }
}
