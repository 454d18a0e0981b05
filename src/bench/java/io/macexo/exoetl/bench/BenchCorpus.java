package io.macexo.exoetl.bench;

import io.macexo.exoetl.synth.SynthGenerator;
import io.macexo.exoetl.synth.SynthResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The synthetic corpus a bench run times on: generated once into {@code <corpus>/Parsed} with
 * {@code synth}, then reused by later runs as long as it was made with the same shape. A shape line
 * is stored in {@code <corpus>/corpus.txt} when generation completes; a folder left by an
 * interrupted generation (marked {@code .generating}) is deleted and made again.
 */
public final class BenchCorpus {
  static final String SHAPE_FILE = "corpus.txt";
  static final String GENERATING_MARKER = ".generating";

  private BenchCorpus() {}

  /** What {@link #ensure} found or made. */
  public record Outcome(Path tree, boolean generated, double generationSeconds) {}

  /**
   * Makes sure {@code corpus} holds a tree of the given shape.
   *
   * @throws IOException when the folder holds a corpus of another shape, or something else
   */
  public static Outcome ensure(Path corpus, CorpusShape shape) throws IOException {
    Path tree = corpus.resolve("Parsed");
    Path shapeFile = corpus.resolve(SHAPE_FILE);
    if (Files.isRegularFile(shapeFile)) {
      String stored = Files.readString(shapeFile, StandardCharsets.UTF_8).trim();
      if (!stored.equals(shape.describe())) {
        throw new IOException(
            "Cannot reuse the corpus in "
                + corpus
                + ": it was generated with '"
                + stored
                + "', not '"
                + shape.describe()
                + "' (delete it or pass another --corpus)");
      }
      return new Outcome(tree, false, 0);
    }
    if (Files.exists(corpus.resolve(GENERATING_MARKER))) {
      Folders.delete(tree);
    } else if (Files.exists(tree)) {
      throw new IOException(
          "Cannot use "
              + tree
              + " as a bench corpus: it was not made by bench (no "
              + SHAPE_FILE
              + "); delete it or pass another --corpus");
    }
    Files.createDirectories(corpus);
    Files.writeString(corpus.resolve(GENERATING_MARKER), shape.describe() + "\n");
    long started = System.nanoTime();
    SynthResult result = SynthGenerator.generate(shape.synthOptions(tree));
    double seconds = (System.nanoTime() - started) / 1e9;
    Files.writeString(shapeFile, shape.describe() + "\n", StandardCharsets.UTF_8);
    Files.delete(corpus.resolve(GENERATING_MARKER));
    if (!result.intendedRejects().isEmpty()) {
      throw new IllegalStateException("a bench corpus must not hold defect trials");
    }
    return new Outcome(tree, true, seconds);
  }
}
