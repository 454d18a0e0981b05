package io.macexo.exoetl.synth;

/** How many files and bytes a part of the generation wrote. */
record FileTally(long files, long bytes) {
  static final FileTally NONE = new FileTally(0, 0);

  FileTally plus(FileTally other) {
    return new FileTally(files + other.files, bytes + other.bytes);
  }

  /** One more file of the given size. */
  FileTally plusFile(long size) {
    return new FileTally(files + 1, bytes + size);
  }
}
