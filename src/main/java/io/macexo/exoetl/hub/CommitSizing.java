package io.macexo.exoetl.hub;

/**
 * How many files a commit may touch, adapted as upload_large_folder does: start at {@code initial};
 * after a commit that was full (more work was waiting) and took under 40 s, grow by half; after one
 * that was rate-limited, timed out or failed with a 5xx, halve; always within {@code min} to {@code
 * max}. The Hub times long commits out at about 60 s.
 */
public record CommitSizing(int initial, int min, int max) {
  public static final int DEFAULT_INITIAL = 50;
  public static final int DEFAULT_MIN = 20;
  public static final int DEFAULT_MAX = 1000;

  public CommitSizing {
    if (min < 1 || initial < min || max < initial) {
      throw new IllegalArgumentException(
          "Cannot size commits from "
              + initial
              + " files within "
              + min
              + " to "
              + max
              + ": need 1 <= min <= initial <= max");
    }
  }

  /** 50 files to start, between 20 and 1,000. */
  public static CommitSizing standard() {
    return new CommitSizing(DEFAULT_INITIAL, DEFAULT_MIN, DEFAULT_MAX);
  }

  /** A fixed size (tests, and a user who wants exactly that). */
  public static CommitSizing fixed(int files) {
    return new CommitSizing(files, files, files);
  }
}
