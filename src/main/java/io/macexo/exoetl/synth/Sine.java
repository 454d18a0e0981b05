package io.macexo.exoetl.synth;

/**
 * A table-based sine: the generator needs tens of millions of values per second and no precision
 * (noise is added anyway), so a 4,096-entry lookup replaces {@link Math#sin}.
 */
final class Sine {
  private static final int SIZE = 4_096;
  private static final int MASK = SIZE - 1;
  private static final double[] TABLE = table();

  private Sine() {}

  /** {@code sin(2 pi turns)} for {@code turns >= 0}, to about 3 decimals. */
  static double ofTurns(double turns) {
    return TABLE[(int) ((long) (turns * SIZE) & MASK)];
  }

  private static double[] table() {
    double[] table = new double[SIZE];
    for (int index = 0; index < SIZE; index++) {
      table[index] = Math.sin(2 * Math.PI * index / SIZE);
    }
    return table;
  }
}
