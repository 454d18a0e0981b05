package io.macexo.exoetl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.macexo.exoetl.config.ConfigLoader;
import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.model.Locations;
import io.macexo.exoetl.model.ReasonCode;
import io.macexo.exoetl.synth.SynthGenerator;
import io.macexo.exoetl.synth.SynthOptions;
import io.macexo.exoetl.synth.SynthResult;
import io.macexo.exoetl.testing.FileKind;
import io.macexo.exoetl.testing.LocalSpark;
import io.macexo.exoetl.testing.OutputSnapshot;
import io.macexo.exoetl.testing.TrialTreeBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One tree that mixes every case at once, run as a user runs it ({@code exo-etl prepare}): the
 * synthetic tree with one broken trial per reason code, plus trials in the CSV dialects real tools
 * write (which must be written), files that cannot be read or are not CSV, a trial with several
 * defects, and names with odd characters. The run exits 0 and every trial folder ends in exactly
 * one of data/ and rejects/, with the reason it was built for.
 */
class MixedTreeTest {
  private static final String ODD = " #%41+&?é";
  private static final String WRITTEN = "written";
  private static final EtlConfig CONFIG = ConfigLoader.defaults();

  @TempDir Path work;

  @Test
  void aTreeMixingEveryCaseExitsZeroWithEveryFolderWrittenOrRejectedAsIntended() throws Exception {
    Path input = work.resolve("Parsed");
    SynthResult synth =
        SynthGenerator.generate(new SynthOptions(input, List.of("BT01", "BT02"), 2, 0.03, 7, true));
    Map<String, String> expected = new TreeMap<>();
    synth.intendedRejects().forEach((trial, code) -> expected.put(trial.toString(), code.name()));
    TrialTreeBuilder tree = new TrialTreeBuilder(input, CONFIG);
    for (String dialect : dialects(tree)) {
      expected.put(dialect, WRITTEN);
    }
    expected.putAll(unreadable(tree));

    List<String> command = new ArrayList<>(List.of("prepare", "--input", input.toString()));
    command.addAll(List.of("--output", work.resolve("out").toString(), "--conf", conf()));
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    int code =
        Main.run(
            command,
            new PrintStream(printed, true, StandardCharsets.UTF_8),
            new PrintStream(printed, true, StandardCharsets.UTF_8));

    assertThat(code).as(printed.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCode.DONE);
    Map<String, String> outcome = outcomes(work.resolve("out"));
    Map<String, String> folders = new TreeMap<>();
    for (String folder : trialFolders(input)) {
      folders.put(folder, expected.getOrDefault(folder, WRITTEN));
    }
    assertThat(outcome).isEqualTo(folders);
    assertThat(outcome.values()).contains(ReasonCode.NOT_CSV.name());
  }

  /** Trials in the dialects R, Excel, MATLAB and hand edits produce; each must be written. */
  private static List<String> dialects(TrialTreeBuilder tree) throws IOException {
    List<String> written = new ArrayList<>();
    tree.trial("BT02", "bom_crlf_quoted_header", 30, (kind, lines) -> rFile(lines));
    written.add("BT02/bom_crlf_quoted_header");
    tree.trial(
        "BT02",
        "cr_only_no_final_line_end",
        30,
        (kind, lines) ->
            withoutFinalLineEnd(lines.stream().map(l -> l.replace("\n", "\r")).toList()));
    written.add("BT02/cr_only_no_final_line_end");
    tree.trial(
        "BT02",
        "na_and_blank_lines_at_end",
        30,
        (kind, lines) -> {
          List<String> edited = new ArrayList<>(TrialTreeBuilder.setField(lines, 4, 2, "NA"));
          edited.add("\n");
          edited.add("\r\n");
          return edited;
        });
    written.add("BT02/na_and_blank_lines_at_end");
    tree.trial("BT02", "odd name" + ODD, 20);
    written.add("BT02/odd name" + ODD);
    return written;
  }

  /** Files that cannot be read, or are not CSV, and a trial with two defects at once. */
  private static Map<String, String> unreadable(TrialTreeBuilder tree) throws Exception {
    Map<String, String> rejects = new TreeMap<>();
    TrialTreeBuilder.replaceByFolder(
        tree.trial("BT02", "moment_is_a_folder", 20)
            .resolve(FileKind.MOMENT.fileName("BT02", "moment_is_a_folder")));
    rejects.put("BT02/moment_is_a_folder", ReasonCode.UNREADABLE_FILE.name());

    TrialTreeBuilder.replaceByPipe(
        tree.trial("BT02", "angle_is_a_pipe", 20)
            .resolve(FileKind.ANGLE.fileName("BT02", "angle_is_a_pipe")));
    rejects.put("BT02/angle_is_a_pipe", ReasonCode.UNREADABLE_FILE.name());

    Path zipped = tree.trial("BT02", "exo_gzipped", 20);
    Path exo = zipped.resolve(FileKind.EXO.fileName("BT02", "exo_gzipped"));
    byte[] plain = Files.readAllBytes(exo);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(exo))) {
      out.write(plain);
    }
    rejects.put("BT02/exo_gzipped", ReasonCode.NOT_CSV.name());

    // A missing file and a short row: the missing file comes first in the README's table.
    tree.trial(
        "BT02",
        "missing_file_and_short_row",
        20,
        (kind, lines) ->
            switch (kind) {
              case ANGLE -> null;
              case EXO -> shortRow(lines);
              default -> lines;
            });
    rejects.put("BT02/missing_file_and_short_row", ReasonCode.MISSING_FILE.name());
    return rejects;
  }

  private static List<String> rFile(List<String> lines) {
    List<String> edited = new ArrayList<>();
    String header = lines.get(0).strip();
    StringBuilder quoted = new StringBuilder("\uFEFF");
    for (String name : header.split(",")) {
      quoted.append(quoted.length() > 1 ? "," : "").append('"').append(name).append('"');
    }
    edited.add(quoted.append("\r\n").toString());
    lines.subList(1, lines.size()).forEach(line -> edited.add(line.replace("\n", "\r\n")));
    return edited;
  }

  private static List<String> withoutFinalLineEnd(List<String> lines) {
    List<String> edited = new ArrayList<>(lines);
    String last = edited.remove(edited.size() - 1);
    edited.add(last.substring(0, last.length() - 1));
    return edited;
  }

  private static List<String> shortRow(List<String> lines) {
    List<String> edited = new ArrayList<>(lines);
    String line = edited.get(5);
    edited.set(5, line.substring(0, line.lastIndexOf(',')) + "\n");
    return edited;
  }

  private String conf() throws IOException {
    return Files.writeString(
            work.resolve("test.conf"),
            "exo-etl.spark { master = \"local[2]\", conf { \"spark.ui.enabled\" = \"false\","
                + " \"spark.driver.host\" = \"127.0.0.1\","
                + " \"spark.driver.bindAddress\" = \"127.0.0.1\" } }")
        .toString();
  }

  /** Every trial folder of the input, as participant/trial. */
  private static List<String> trialFolders(Path input) throws IOException {
    List<String> folders = new ArrayList<>();
    try (Stream<Path> participants = Files.list(input)) {
      for (Path participant : participants.filter(Files::isDirectory).toList()) {
        try (Stream<Path> trials = Files.list(participant)) {
          trials
              .filter(Files::isDirectory)
              .forEach(t -> folders.add(participant.getFileName() + "/" + t.getFileName()));
        }
      }
    }
    return folders;
  }

  /** participant/trial to "written" or its reason code, failing on a trial in both or twice. */
  private static Map<String, String> outcomes(Path output) throws IOException {
    Map<String, String> outcomes = new TreeMap<>();
    for (JsonNode reject :
        new ObjectMapper().readTree(output.resolve("rejects/rejects.json").toFile())) {
      String trial = reject.get("participant").asText() + "/" + reject.get("trial_name").asText();
      assertThat(outcomes.put(trial, reject.get("reason_code").asText())).as(trial).isNull();
    }
    SparkSession spark = LocalSpark.start("MixedTreeTest");
    try {
      for (String line :
          OutputSnapshot.readData(
              spark, Locations.literalGlob(Locations.root(output.resolve("data").toString())))) {
        String trial = line.substring(0, line.indexOf(" mass_kg="));
        assertThat(outcomes.put(trial, WRITTEN)).as(trial).isNull();
      }
    } finally {
      spark.stop();
    }
    return outcomes;
  }
}
