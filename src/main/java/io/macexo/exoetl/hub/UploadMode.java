package io.macexo.exoetl.hub;

/** How the Hub wants a file: as an LFS object, or inline in the commit ({@code regular}). */
public enum UploadMode {
  LFS,
  REGULAR;

  /** Parses the preupload answer's {@code uploadMode}. */
  public static UploadMode parse(String text) {
    return "lfs".equals(text) ? LFS : REGULAR;
  }
}
