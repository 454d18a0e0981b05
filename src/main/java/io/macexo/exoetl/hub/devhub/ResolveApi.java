package io.macexo.exoetl.hub.devhub;

import io.macexo.exoetl.hub.GitOids;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * File downloads: {@code GET}/{@code HEAD .../resolve/{rev}/{path}} serves the bytes (the real Hub
 * redirects LFS files to a CDN; the dev-hub serves them itself) with {@code ETag}, {@code
 * X-Repo-Commit}, and for LFS files {@code X-Linked-ETag} (the sha256) and {@code X-Linked-Size}. A
 * single {@code Range} is honoured with 206 and {@code Content-Range}, which is how the official
 * JavaScript client learns a file's size. {@code .../raw/...} serves an LFS file's pointer instead
 * of its bytes.
 */
final class ResolveApi {
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
  private final BlobStore blobs;

  ResolveApi(BlobStore blobs) {
    this.blobs = blobs;
  }

  DevResponse resolve(DevRequest request, DevRepo repo) {
    DevCommit commit = RepoApi.revision(repo, request.match.revision());
    String path = request.match.path();
    DevCommit.Entry entry = commit.files().get(path);
    if (entry == null) {
      throw DevHubError.entryNotFound(path);
    }
    if (request.match.detail().equals("raw") && entry.lfs()) {
      byte[] pointer =
          GitOids.lfsPointer(entry.sha256(), entry.size()).getBytes(StandardCharsets.US_ASCII);
      return DevResponse.bytes(200, pointer, "text/plain; charset=utf-8")
          .header("ETag", "\"" + entry.gitOid() + "\"")
          .header("X-Repo-Commit", commit.id());
    }
    DevResponse response = range(request.header("Range"), entry);
    response
        .header("ETag", "\"" + (entry.lfs() ? entry.sha256() : entry.gitOid()) + "\"")
        .header("X-Repo-Commit", commit.id())
        .header("Accept-Ranges", "bytes");
    if (entry.lfs()) {
      response
          .header("X-Linked-ETag", "\"" + entry.sha256() + "\"")
          .header("X-Linked-Size", String.valueOf(entry.size()));
    }
    return response;
  }

  private DevResponse range(String header, DevCommit.Entry entry) {
    long size = entry.size();
    if (header == null) {
      return DevResponse.file(200, blobs.path(entry.sha256()), 0, size);
    }
    Matcher matcher = RANGE.matcher(header.trim());
    if (!matcher.matches() || (matcher.group(1).isEmpty() && matcher.group(2).isEmpty())) {
      return DevResponse.file(200, blobs.path(entry.sha256()), 0, size);
    }
    long start;
    long end;
    if (matcher.group(1).isEmpty()) {
      start = Math.max(0, size - Long.parseLong(matcher.group(2)));
      end = size - 1;
    } else {
      start = Long.parseLong(matcher.group(1));
      end =
          matcher.group(2).isEmpty()
              ? size - 1
              : Math.min(size - 1, Long.parseLong(matcher.group(2)));
    }
    if (start >= size || end < start) {
      return DevResponse.empty(416).header("Content-Range", "bytes */" + size);
    }
    return DevResponse.file(206, blobs.path(entry.sha256()), start, end - start + 1)
        .header("Content-Range", "bytes " + start + "-" + end + "/" + size);
  }
}
