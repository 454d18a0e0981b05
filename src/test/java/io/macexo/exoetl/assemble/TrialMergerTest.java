package io.macexo.exoetl.assemble;

import static org.assertj.core.api.Assertions.assertThat;

import io.macexo.exoetl.model.ReasonCode;
import io.macexo.exoetl.model.TrialId;
import io.macexo.exoetl.read.CsvLineReader;
import io.macexo.exoetl.read.FileTask;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The merge on the time step, without Spark: files given as text, outcomes checked exactly. */
class TrialMergerTest {
  private static final TrialId TRIAL = new TrialId("BT01", "walk_1_on");
  private static final List<String> KINDS = List.of("exo", "angle_filt", "moment_filt_bio");

  private static TrialOutcome merge(boolean rejectNan, String... files) throws Exception {
    byte[][] bytes = new byte[files.length][];
    for (int k = 0; k < files.length; k++) {
      bytes[k] = files[k].getBytes(StandardCharsets.UTF_8);
    }
    return merge(rejectNan, bytes);
  }

  private static TrialOutcome merge(boolean rejectNan, byte[]... files) throws Exception {
    List<CsvLineReader> readers = new ArrayList<>();
    for (int k = 0; k < files.length; k++) {
      FileTask task =
          new FileTask(
              "BT01",
              "walk_1_on",
              k,
              KINDS.get(k),
              "BT01_walk_1_on_" + KINDS.get(k) + ".csv",
              "time",
              List.of("v" + k));
      readers.add(new CsvLineReader(task, 200, new ByteArrayInputStream(files[k])));
    }
    return new TrialMerger(200, rejectNan).merge(TRIAL, readers);
  }

  @Test
  void filesAreJoinedOnTheStepNotOnTheTextOfTime() throws Exception {
    TrialOutcome outcome =
        merge(
            false,
            "time,v0\n41.76000000000001,1\n41.765,2\n",
            "v1,time\n10,41.760\n20,41.765\n",
            "time,other,v2\n41.76,x,100\n41.765,y,\n");

    assertThat(outcome.accepted()).isTrue();
    assertThat(outcome.sequenceLength()).isEqualTo(2);
    assertThat(outcome.arrays().get(0)).isDeepEqualTo(new float[][] {{1f}, {2f}});
    assertThat(outcome.arrays().get(1)).isDeepEqualTo(new float[][] {{10f}, {20f}});
    assertThat(outcome.arrays().get(2)[0]).containsExactly(100f);
    assertThat(outcome.arrays().get(2)[1][0]).isNaN();
  }

  @Test
  void aStepOneFileLacksIsALengthMismatchNamingTheFiles() throws Exception {
    TrialOutcome outcome =
        merge(
            false,
            "time,v0\n1.000,1\n1.005,2\n",
            "time,v1\n1.000,1\n",
            "time,v2\n1.000,1\n1.005,2\n");

    assertThat(outcome.issue().code()).isEqualTo(ReasonCode.LENGTH_MISMATCH);
    assertThat(outcome.issue().detail())
        .isEqualTo("time step 201 (t = 1.005 s) is in exo, moment_filt_bio but not in angle_filt");
  }

  @Test
  void headersOnlyIsAnEmptyTrial() throws Exception {
    TrialOutcome outcome = merge(false, "time,v0\n", "time,v1\n", "time,v2\n");

    assertThat(outcome.issue().code()).isEqualTo(ReasonCode.EMPTY_TRIAL);
    assertThat(outcome.issue().detail()).isEqualTo("the files have headers but no data rows");
  }

  @Test
  void theMostFundamentalProblemWinsThenTheFirstFileThenTheFirstLine() throws Exception {
    String good = "time,v1\n1.000,1\n1.005,2\n";
    String badNumber = "time,v0\n1.000,x\n1.005,2\n";
    String noColumn = "time,w\n1.000,1\n";

    assertThat(merge(false, badNumber, good, noColumn).issue().code())
        .as("MISSING_COLUMN before MALFORMED_ROW, whatever the file")
        .isEqualTo(ReasonCode.MISSING_COLUMN);
    TrialOutcome twoMalformed =
        merge(false, "time,v0\n1.000,1\n1.005,y\n", "time,v1\n1.000,z\n", "time,v2\n1.000,1\n");
    assertThat(twoMalformed.issue().detail())
        .as("the first file of two with the same reason")
        .startsWith("BT01_walk_1_on_exo.csv line 3:");
    TrialOutcome nanAndDuplicate =
        merge(true, "time,v0\n1.000,1\n1.000,2\n", "time,v1\n1.000,NaN\n", "time,v2\n1.000,1\n");
    assertThat(nanAndDuplicate.issue().code())
        .as("DUPLICATE_TIMESTEP before NAN")
        .isEqualTo(ReasonCode.DUPLICATE_TIMESTEP);
  }

  @Test
  void nanIsKeptUnlessTheRunRejectsIt() throws Exception {
    String[] files = {"time,v0\n1.000,NaN\n", "time,v1\n1.000,\n", "time,v2\n1.000,1\n"};

    assertThat(merge(false, files).accepted()).isTrue();
    assertThat(merge(true, files).issue().detail())
        .isEqualTo("BT01_walk_1_on_exo.csv line 2: column v0 is NaN");
  }

  @Test
  void aTimeBeyondTheLargestStepIsStillAStepTheOtherFilesLack() throws Exception {
    // 1e17 s is step 2e19, past Long.MAX_VALUE: rounding clamps it there.
    TrialOutcome outcome =
        merge(false, "time,v0\n1.000,1\n1e17,2\n", "time,v1\n1.000,1\n", "time,v2\n1.000,1\n");

    assertThat(outcome.accepted()).isFalse();
    assertThat(outcome.issue().code()).isEqualTo(ReasonCode.LENGTH_MISMATCH);
    assertThat(outcome.issue().detail())
        .contains("is in exo but not in angle_filt, moment_filt_bio");
  }

  private static final String GOOD_EXO = "time,v0\n1.000,1\n1.005,2\n1.010,3\n";
  private static final String GOOD_ANGLE = "time,v1\n1.000,1\n1.005,2\n1.010,3\n";
  private static final String GOOD_MOMENT = "time,v2\n1.000,1\n1.005,2\n1.010,3\n";

  private static byte[] gzip(String text) throws Exception {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void twoDefectsInTwoFilesTheFirstInTheTableWinsWhateverTheFileOrder() throws Exception {
    TrialOutcome notCsvOverRows =
        merge(false, utf8("time,v0\n1.000,x\n1.005,inf\n"), gzip(GOOD_ANGLE), utf8(GOOD_MOMENT));
    assertThat(notCsvOverRows.issue())
        .extracting(i -> i.code(), i -> i.detail())
        .containsExactly(
            ReasonCode.NOT_CSV,
            "BT01_walk_1_on_angle_filt.csv is not CSV text: it is gzip-compressed");
    TrialOutcome emptyOverNotCsv = merge(false, gzip(GOOD_EXO), utf8(GOOD_ANGLE), utf8("\n\n"));
    assertThat(emptyOverNotCsv.issue().code())
        .as("EMPTY_FILE is above NOT_CSV in the table, though exo is the first file")
        .isEqualTo(ReasonCode.EMPTY_FILE);
  }

  @Test
  void threeDefectsInThreeFilesTheFirstInTheTableWins() throws Exception {
    TrialOutcome outcome =
        merge(
            true,
            "time,v0\n1.000,1\n1.000,2\n1.005,NaN\n",
            "time,v1\n1.000,1\n1.005,-inf\n",
            "time,w\n1.000,1\n");
    assertThat(outcome.issue().code()).isEqualTo(ReasonCode.MISSING_COLUMN);
    assertThat(outcome.issue().detail())
        .isEqualTo("BT01_walk_1_on_moment_filt_bio.csv has no column v2");
    TrialOutcome withNotCsv =
        merge(true, "time,v0\n1.000,1\n1.000,2\n", "time,w\n1.000,1\n", "\u0000\u0001junk");
    assertThat(withNotCsv.issue().detail())
        .isEqualTo(
            "BT01_walk_1_on_moment_filt_bio.csv is not CSV text: it is binary (byte 0x00 at offset 0)");
  }

  @Test
  void threeDefectsWithOneReasonTheFirstFileThenTheFirstLineWins() throws Exception {
    TrialOutcome outcome =
        merge(
            false,
            "time,v0\n1.000,1\n1.005,2\n1.010,3\n1.015,x\n",
            "time,v1\n1.000,y\n1.005,2\n",
            "time,v2\n1.000,1\n1.005");
    assertThat(outcome.issue().detail())
        .isEqualTo("BT01_walk_1_on_exo.csv line 5: column v0 is not a number");
  }

  @Test
  void twoDefectsInOneFileTheFirstInTheTableWinsOverTheFirstLine() throws Exception {
    TrialOutcome outcome =
        merge(false, "time,v0\n1.000,inf\n1.000,2\n1.005,3\n1.010,x\n", GOOD_ANGLE, GOOD_MOMENT);
    assertThat(outcome.issue().detail())
        .isEqualTo("BT01_walk_1_on_exo.csv line 5: column v0 is not a number");
    TrialOutcome cutAndShort =
        merge(false, "time,v0\n1.000,1\n1.005,2\n1.010", GOOD_ANGLE, GOOD_MOMENT);
    assertThat(cutAndShort.issue().detail())
        .as("a cut last line is malformed, which is above the steps it lacks")
        .isEqualTo(
            "BT01_walk_1_on_exo.csv line 4: the last line is cut off (no line end, 1 of 2 fields)");
  }
}
