package io.macexo.exoetl.model;

import java.io.Serializable;

/**
 * One thing in the input that a participant's output depends on: a trial folder (size -1) or one of
 * a trial's three files, by its path relative to the input root, with size and modification time.
 * Incremental runs compare these with the manifest.
 */
public record InputEntry(String path, long size, long modified) implements Serializable {
  public static InputEntry folder(String path) {
    return new InputEntry(path, -1, 0);
  }
}
