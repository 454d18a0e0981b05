package io.macexo.exoetl.hub;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * One object of an LFS batch answer. No {@code upload} action means the storage already holds it;
 * an {@code upload} whose header has {@code chunk_size} is a multipart upload whose other numeric
 * header keys ({@code "00001"}, ...) are the part URLs.
 *
 * @param error the per-object error ("code: message"), or null
 */
public record LfsObject(String oid, long size, Action upload, Action verify, String error) {
  /** Where and how to send one step of the transfer. */
  public record Action(URI href, Map<String, String> header) {
    public Action {
      header = Map.copyOf(header);
    }
  }

  public Optional<Action> verifyAction() {
    return Optional.ofNullable(verify);
  }

  /** True when the storage already has the bytes: nothing to send. */
  public boolean alreadyStored() {
    return upload == null && error == null;
  }
}
