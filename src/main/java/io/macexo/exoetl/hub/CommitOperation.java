package io.macexo.exoetl.hub;

/**
 * One change in a commit, as in {@code huggingface_hub}'s {@code _commit_api.py}: each value checks
 * its own path ({@link RepoPaths}) so a bad path fails while the payload is built, before any
 * request.
 */
public sealed interface CommitOperation {
  /** The path in the repo the operation is about. */
  String path();

  /** A file whose bytes are already in LFS storage; the commit only names the object. */
  record AddLfs(String path, String sha256, long size) implements CommitOperation {
    public AddLfs {
      RepoPaths.requireValid(path);
      if (!GitOids.isSha256(sha256)) {
        throw new IllegalArgumentException(
            "Cannot add " + path + " as an LFS file: '" + sha256 + "' is not a sha256 hex digest");
      }
      if (size < 0) {
        throw new IllegalArgumentException(
            "Cannot add " + path + " as an LFS file: negative size " + size);
      }
    }
  }

  /** A small file sent inline, base64-encoded, in the commit itself. */
  record AddRegular(String path, byte[] content) implements CommitOperation {
    public AddRegular {
      RepoPaths.requireValid(path);
      content = content.clone();
    }

    @Override
    public byte[] content() {
      return content.clone();
    }
  }

  /** Removes one file. */
  record Delete(String path) implements CommitOperation {
    public Delete {
      RepoPaths.requireValid(path);
    }
  }
}
