package io.macexo.exoetl.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.macexo.exoetl.model.Issue;
import io.macexo.exoetl.model.ReasonCode;
import io.macexo.exoetl.read.CsvLineReader;
import io.macexo.exoetl.read.FileTask;
import io.macexo.exoetl.read.ParsedLine;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The checks of one line and their precedence, on lines parsed from text: within a line the first
 * check in the README's table wins.
 */
class LineChecksTest {
  private static final FileTask TASK =
      new FileTask("BT01", "walk_1_on", 0, "exo", "f.csv", "time", List.of("a", "b"));

  /** The issue of every data line of a file, in order (null where the line is fine). */
  private static List<Issue> issues(String text, boolean rejectNan) throws Exception {
    CsvLineReader reader =
        new CsvLineReader(
            TASK, 200, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    LineChecks checks = new LineChecks(TASK, reader.expectedFields(), rejectNan);
    List<Issue> issues = new ArrayList<>();
    ParsedLine line = new ParsedLine();
    while (reader.next(line)) {
      issues.add(checks.check(line));
    }
    return issues;
  }

  private static String detail(String text, boolean rejectNan) throws Exception {
    return issues(text, rejectNan).stream()
        .filter(java.util.Objects::nonNull)
        .findFirst()
        .map(Issue::detail)
        .orElse(null);
  }

  @Test
  void eachCheckHasItsSentence() throws Exception {
    assertThat(detail("time,a,b\n1.0,1,2,3\n", false))
        .isEqualTo("f.csv line 2: 4 fields, the header has 3");
    assertThat(detail("time,a,b\n1.0,1,abc\n", false))
        .isEqualTo("f.csv line 2: column b is not a number");
    assertThat(detail("time,a,b\nsoon,1,2\n", false))
        .isEqualTo("f.csv line 2: column time is not a number");
    assertThat(detail("time,a,b\n1.0,inf,2\n", false))
        .isEqualTo("f.csv line 2: column a is infinite");
    assertThat(detail("time,a,b\n1.0,1,2\n1.0,1,2\n", false))
        .isEqualTo(
            "f.csv line 3: time step 200 does not follow step 200 (time repeats or goes backwards)");
    assertThat(detail("time,a,b\n1.0,1,NaN\n", true)).isEqualTo("f.csv line 2: column b is NaN");
    assertThat(detail("time,a,b\n1.0,1,2\n1.005,1", false))
        .isEqualTo("f.csv line 3: the last line is cut off (no line end, 2 of 3 fields)");
    assertThat(detail("time,a,b\n1.0,1,2\n1.005,1,2e-", false))
        .isEqualTo(
            "f.csv line 3: the last line is cut off (no line end, its last field is incomplete)");
  }

  @Test
  void aCompleteLastLineWithoutALineEndIsFine() throws Exception {
    assertThat(issues("time,a,b\n1.0,1,2\n1.005,1,2e-3", true)).containsExactly(null, null);
    // Cut inside its last number but leaving a number: nothing tells it from a whole line.
    assertThat(issues("time,a,b\n1.0,1,2\n1.005,1,2.", true)).containsExactly(null, null);
  }

  @Test
  void withinALineTheFirstCheckWins() throws Exception {
    Issue countOverNumber = issues("time,a,b\n1.0,x\n", false).get(0);
    Issue numberOverInfinite = issues("time,a,b\n1.0,inf,x\n", false).get(0);
    Issue infiniteOverStep = issues("time,a,b\n1.0,1,2\n0.5,inf,2\n", false).get(1);
    Issue stepOverNan = issues("time,a,b\n1.0,1,2\n0.5,NaN,2\n", true).get(1);

    assertThat(countOverNumber.detail()).endsWith("2 fields, the header has 3");
    assertThat(numberOverInfinite.detail()).endsWith("column b is not a number");
    assertThat(infiniteOverStep.code()).isEqualTo(ReasonCode.NON_FINITE);
    assertThat(stepOverNan.code()).isEqualTo(ReasonCode.DUPLICATE_TIMESTEP);
  }

  @Test
  void nanPassesUnderKeepAndBlankLinesAreNotLines() throws Exception {
    assertThat(issues("time,a,b\n1.0,NaN,\n\n1.005,1,2\n", false)).containsExactly(null, null);
  }
}
