package io.macexo.exoetl.hub;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a revision of the repo holds: its head commit and every file, read as one snapshot (the tree
 * is listed at the head's commit id, so a commit landing meanwhile cannot mix two states).
 *
 * @param headSha null when the repo does not exist yet (dry run on a new repo)
 */
public record RemoteState(String headSha, Map<String, RemoteFile> files) {
  public RemoteState {
    files = java.util.Collections.unmodifiableMap(new TreeMap<>(files));
  }

  /** A repo that does not exist yet. */
  public static RemoteState empty() {
    return new RemoteState(null, Map.of());
  }
}
