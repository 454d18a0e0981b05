package io.macexo.exoetl.pipeline;

import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.model.ReasonCode;
import io.macexo.exoetl.testing.CsvRendering;
import io.macexo.exoetl.testing.FileKind;
import io.macexo.exoetl.testing.FuzzTrials;
import io.macexo.exoetl.testing.TrialTreeBuilder;
import io.macexo.exoetl.testing.TrialTreeBuilder.Mutation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Trials {@code EngineEquivalenceTest} adds to the synth corpus, so both engines also meet the CSV
 * dialects and trials with several defects: one valid trial (with NaN cells) written plainly and
 * again as R, Excel, a classic Mac and an all-quoting tool write it, which must read exactly as the
 * plain one; and trials with two or three defects at once, which must be rejected for the one first
 * in the reasons table.
 */
final class EquivalenceExtras {
  static final String PARTICIPANT = "BT02";

  /** The valid trial in plain CSV; its twins below hold the same table. */
  static final String PLAIN = "dialect_1_plain_on";

  static final Map<String, CsvRendering.Style> TWINS =
      Map.of(
          "dialect_1_r-style_on", CsvRendering.R_WRITE_CSV,
          "dialect_1_excel_on", CsvRendering.EXCEL,
          "dialect_1_classic-mac_on", CsvRendering.CLASSIC_MAC,
          "dialect_1_quoted-mixed_on", CsvRendering.QUOTED_MIXED);

  /** The reason a trial with several defects gets, and the file its sentence names. */
  record Expected(ReasonCode code, FileKind file) {}

  static final Map<String, Expected> SEVERAL_DEFECTS =
      Map.of(
          "multi_1_two-files_on", new Expected(ReasonCode.NOT_CSV, FileKind.EXO),
          "multi_1_two-in-one-file_on", new Expected(ReasonCode.NON_FINITE, FileKind.EXO),
          "multi_1_three-files_on", new Expected(ReasonCode.NOT_CSV, FileKind.ANGLE),
          "multi_1_three-later-reasons_on",
              new Expected(ReasonCode.DUPLICATE_TIMESTEP, FileKind.ANGLE),
          "multi_1_cut-and-short_on", new Expected(ReasonCode.MALFORMED_ROW, FileKind.MOMENT));

  private static final int ROWS = 30;

  private EquivalenceExtras() {}

  /** Writes the trials under {@code root}/{@link #PARTICIPANT}. */
  static void write(Path root, EtlConfig config) throws IOException {
    TrialTreeBuilder tree = new TrialTreeBuilder(root, config);
    Mutation nanCells =
        (kind, lines) ->
            switch (kind) {
              case EXO -> TrialTreeBuilder.setField(lines, 3, 5, "NaN");
              case MOMENT -> TrialTreeBuilder.setField(lines, 7, 3, "");
              default -> lines;
            };
    Path plain = tree.trial(PARTICIPANT, PLAIN, ROWS, nanCells);
    Random random = new Random(5);
    for (Map.Entry<String, CsvRendering.Style> twin : TWINS.entrySet()) {
      Path folder = tree.trial(PARTICIPANT, twin.getKey(), ROWS, nanCells);
      for (FileKind kind : FileKind.values()) {
        String text = Files.readString(plain.resolve(kind.fileName(PARTICIPANT, PLAIN)));
        byte[] rendered = CsvRendering.parse(text).render(twin.getValue(), random);
        Files.write(folder.resolve(kind.fileName(PARTICIPANT, twin.getKey())), rendered);
      }
    }
    writeSeveralDefects(tree);
    writeFuzzed(tree, config);
  }

  /** Damaged trials ({@link FuzzTrials#damage}): the engines must agree on whatever they are. */
  static final int FUZZED = 20;

  private static void writeFuzzed(TrialTreeBuilder tree, EtlConfig config) throws IOException {
    Random random = new Random(FuzzTrials.seed() + 3);
    FuzzTrials trials = new FuzzTrials(config);
    for (int t = 1; t <= FUZZED; t++) {
      String trial = "fuzz_" + t + "_on";
      List<byte[]> files = FuzzTrials.damage(trials.valid(random), random, new StringBuilder());
      Path folder = tree.trial(PARTICIPANT, trial, 1);
      for (int group = 0; group < files.size(); group++) {
        String name = config.selection().group(group).fileName(PARTICIPANT, trial);
        Files.write(folder.resolve(name), files.get(group));
      }
    }
  }

  private static void writeSeveralDefects(TrialTreeBuilder tree) throws IOException {
    // NOT_CSV (a gzip exo file) over MALFORMED_ROW (text in a moment value).
    Path twoFiles =
        tree.trial(
            PARTICIPANT,
            "multi_1_two-files_on",
            ROWS,
            Mutation.only(FileKind.MOMENT, lines -> TrialTreeBuilder.setField(lines, 6, 4, "abc")));
    rewrite(twoFiles, "multi_1_two-files_on", FileKind.EXO, EquivalenceExtras::gzip);
    // NON_FINITE on line 13 over DUPLICATE_TIMESTEP on line 6: precedence before line.
    tree.trial(
        PARTICIPANT,
        "multi_1_two-in-one-file_on",
        ROWS,
        Mutation.only(
            FileKind.EXO,
            lines -> {
              List<String> copy = new ArrayList<>(TrialTreeBuilder.setField(lines, 11, 3, "-inf"));
              copy.add(5, copy.get(4));
              return copy;
            }));
    // NOT_CSV (UTF-16 angles) over MISSING_COLUMN (moment) and MALFORMED_ROW (a short exo line).
    Path threeFiles =
        tree.trial(
            PARTICIPANT,
            "multi_1_three-files_on",
            ROWS,
            (kind, lines) ->
                switch (kind) {
                  case EXO -> withoutLastField(lines, 10, 11);
                  case MOMENT -> withoutLastField(lines, 0, lines.size());
                  default -> lines;
                });
    rewrite(
        threeFiles,
        "multi_1_three-files_on",
        FileKind.ANGLE,
        bytes -> new String(bytes, StandardCharsets.US_ASCII).getBytes(StandardCharsets.UTF_16));
    // DUPLICATE_TIMESTEP (angles) over LENGTH_MISMATCH (moment short) and, under nan-policy
    // reject, NAN (exo).
    tree.trial(
        PARTICIPANT,
        "multi_1_three-later-reasons_on",
        ROWS,
        (kind, lines) ->
            switch (kind) {
              case EXO -> TrialTreeBuilder.setField(lines, 4, 3, "NaN");
              case ANGLE -> {
                List<String> copy = new ArrayList<>(lines);
                copy.add(8, copy.get(7));
                yield copy;
              }
              case MOMENT -> lines.subList(0, lines.size() - 10);
            });
    // A cut-off last line (MALFORMED_ROW) over LENGTH_MISMATCH, in a trial whose exo file is
    // Excel's dialect (no defect).
    Path cut =
        tree.trial(
            PARTICIPANT,
            "multi_1_cut-and-short_on",
            ROWS,
            (kind, lines) ->
                switch (kind) {
                  case EXO -> lines;
                  case ANGLE -> lines.subList(0, lines.size() - 3);
                  case MOMENT -> {
                    List<String> copy = new ArrayList<>(lines);
                    String last = copy.get(copy.size() - 1);
                    copy.set(copy.size() - 1, last.substring(0, last.length() / 2));
                    yield copy;
                  }
                });
    rewrite(
        cut,
        "multi_1_cut-and-short_on",
        FileKind.EXO,
        bytes ->
            CsvRendering.parse(new String(bytes, StandardCharsets.US_ASCII))
                .render(CsvRendering.EXCEL, new Random(1)));
  }

  /** Lines {@code [from, to)} without their last field. */
  private static List<String> withoutLastField(List<String> lines, int from, int to) {
    List<String> copy = new ArrayList<>(lines);
    for (int i = from; i < to; i++) {
      copy.set(i, copy.get(i).substring(0, copy.get(i).lastIndexOf(',')) + "\n");
    }
    return copy;
  }

  private interface Bytes {
    byte[] apply(byte[] bytes) throws IOException;
  }

  private static void rewrite(Path folder, String trial, FileKind kind, Bytes change)
      throws IOException {
    Path file = folder.resolve(kind.fileName(PARTICIPANT, trial));
    Files.write(file, change.apply(Files.readAllBytes(file)));
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
      out.write(bytes);
    }
    return compressed.toByteArray();
  }
}
