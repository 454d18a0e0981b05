package io.macexo.exoetl.progress;

import static org.assertj.core.api.Assertions.assertThat;

import io.macexo.exoetl.pipeline.RunProgress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Formatting, rate and ETA, and the two display modes, with a hand-driven clock and no Spark. */
class ProgressLineTest {
  private static final long SECOND = 1_000_000_000L;
  private final AtomicLong clock = new AtomicLong(5 * SECOND);
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  @Test
  void lineShowsCountsShareRateEtaAndElapsed() {
    ProgressSnapshot snapshot =
        new ProgressSnapshot("writing", 412, 1669, Duration.ofSeconds(23), 18.3);
    assertThat(ProgressLine.format(snapshot))
        .isEqualTo(
            "writing: 412/1,669 trials (24.7 %), 18.3 trials/s, ETA 1 min 09 s, elapsed 23 s");
  }

  @Test
  void unknownTotalAndFinishedRunsLeaveOutWhatIsNotKnown() {
    assertThat(
            ProgressLine.format(
                new ProgressSnapshot("discovering", 0, 0, Duration.ofMillis(2400), 0)))
        .isEqualTo("discovering, elapsed 2 s");
    assertThat(
            ProgressLine.format(
                new ProgressSnapshot("writing", 1669, 1669, Duration.ofSeconds(3725), 9)))
        .isEqualTo("writing: 1,669/1,669 trials (100.0 %), elapsed 1 h 02 min");
    assertThat(
            ProgressLine.format(new ProgressSnapshot("writing", 3, 10, Duration.ofSeconds(90), 0)))
        .isEqualTo("writing: 3/10 trials (30.0 %), stalled, ETA unknown, elapsed 1 min 30 s");
  }

  @Test
  void slowRatesArePerMinute() {
    assertThat(ProgressLine.rate(0.25)).isEqualTo("15.0 trials/min");
    assertThat(ProgressLine.rate(2)).isEqualTo("2.0 trials/s");
  }

  @Test
  void rateIsMeasuredOverTheRecentWindowOnly() {
    RateWindow window = new RateWindow(0);
    // A slow start: 10 trials in the first 60 s (Spark starting, files listed).
    assertThat(window.record(60 * SECOND, 10))
        .isCloseTo(10 / 60.0, org.assertj.core.data.Offset.offset(1e-9));
    // Then 20 trials/s: after 30 s more, the window holds only the fast stretch.
    window.record(75 * SECOND, 310);
    assertThat(window.record(90 * SECOND, 610)).isEqualTo(20.0);
  }

  @Test
  void terminalModeRedrawsOneLineInPlace() {
    ProgressReporter reporter =
        new ProgressReporter(ProgressReporter.Mode.TERMINAL, 100, out, clock::get);
    reporter.stage(RunProgress.Stage.READING);
    clock.addAndGet(10 * SECOND);
    reporter.add(50);
    reporter.tick();
    reporter.add(50);
    reporter.close();
    String half = "reading: 50/100 trials (50.0 %), 5.0 trials/s, ETA 10 s, elapsed 10 s";
    String full = "reading: 100/100 trials (100.0 %), elapsed 10 s";
    assertThat(bytes.toString(StandardCharsets.UTF_8).split("\r", -1))
        .containsExactly(
            "",
            "reading: 0/100 trials (0.0 %), elapsed 0 s",
            half,
            full + " ".repeat(half.length() - full.length()) + "\n");
  }

  @Test
  void logModeAppendsLines() {
    ProgressReporter reporter = new ProgressReporter(ProgressReporter.Mode.LOG, 0, out, clock::get);
    reporter.stage(RunProgress.Stage.DISCOVERING);
    reporter.total(4);
    reporter.stage(RunProgress.Stage.WRITING);
    clock.addAndGet(2 * SECOND);
    reporter.add(6);
    reporter.close();
    reporter.close();
    assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
        .containsExactly(
            "[exo-etl] discovering, elapsed 0 s",
            "[exo-etl] writing: 0/4 trials (0.0 %), elapsed 0 s",
            "[exo-etl] writing: 4/4 trials (100.0 %), elapsed 2 s");
    assertThat(reporter.done()).isEqualTo(6);
  }
}
