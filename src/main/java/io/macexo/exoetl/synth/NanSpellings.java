package io.macexo.exoetl.synth;

/**
 * How NaN is spelled in each of a trial's three read files: the real release writes it as an empty
 * field in some files and as {@code NaN} in others, so readers must accept both.
 */
record NanSpellings(String exo, String angle, String moment) {
  /** NaN as an empty field. */
  static final String EMPTY = "";

  /** NaN as text, the way Java and pandas print it. */
  static final String NAN = "NaN";

  NanSpellings {
    requireKnown(exo);
    requireKnown(angle);
    requireKnown(moment);
  }

  private static void requireKnown(String spelling) {
    if (!EMPTY.equals(spelling) && !NAN.equals(spelling)) {
      throw new IllegalArgumentException("NaN must be spelled '' or 'NaN', not '" + spelling + "'");
    }
  }
}
