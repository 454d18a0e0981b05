package io.macexo.exoetl.hub;

/**
 * A file as the Hub lists it in a tree: size, Git object id, and for LFS files the SHA-256 of the
 * content.
 *
 * @param lfsSha256 null for a regular (non-LFS) file
 */
public record RemoteFile(String path, long size, String gitOid, String lfsSha256) {
  public RemoteFile {
    if (path == null || path.isEmpty()) {
      throw new IllegalArgumentException("Cannot describe a remote file without a path");
    }
  }

  /** True when the remote bytes equal the local ones (compared by digest, never by date). */
  public boolean sameContentAs(LocalFile local) {
    if (size != local.size()) {
      return false;
    }
    if (lfsSha256 != null) {
      return lfsSha256.equals(local.sha256());
    }
    return local.gitBlobId() != null && local.gitBlobId().equals(gitOid);
  }
}
