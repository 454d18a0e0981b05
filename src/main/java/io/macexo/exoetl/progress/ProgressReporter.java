package io.macexo.exoetl.progress;

import io.macexo.exoetl.pipeline.RunProgress;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.apache.spark.SparkContext;

/**
 * Shows a run's progress: the stage (discovering, reading, writing, publishing, ...) and trials
 * done of the total with a rate and an ETA. On a terminal ({@code System.console() != null}) it
 * redraws one line with a carriage return every second; otherwise (a log file, CI, cron) it prints
 * a line every {@link #LOG_PERIOD} and at each stage change.
 *
 * <p>Counts come from Spark: the engine adds 1 per trial to the accumulator {@link
 * RunProgress#trialCounter} registers, named {@link RunProgress#TRIALS_ACCUMULATOR}; a {@link
 * TrialCountListener} on the driver sums each finished task's update. Nothing runs a job to count.
 * Spark's own console bar ({@code spark.ui.showConsoleProgress}, off in reference.conf) would
 * overwrite the line, so when it is on this reporter prints log lines instead.
 *
 * <p>Usage: {@code try (ProgressReporter progress = ProgressReporter.start(sc, n, System.out)) {
 * progress.stage(Stage.WRITING); ... }}; closing prints the final line and removes the listener.
 */
public final class ProgressReporter implements RunProgress, AutoCloseable {
  static final Duration TTY_PERIOD = Duration.ofSeconds(1);
  static final Duration LOG_PERIOD = Duration.ofSeconds(10);

  /** How long close waits for task-end events still queued in Spark's listener bus. */
  static final Duration LATE_EVENTS = Duration.ofSeconds(1);

  /** How lines are shown: redrawn in place on a terminal, or appended as log lines. */
  enum Mode {
    TERMINAL,
    LOG
  }

  private final Mode mode;
  private final PrintStream out;
  private final LongSupplier nanoClock;
  private final long startNanos;
  private final AtomicLong done = new AtomicLong();
  private final RateWindow rate;
  private volatile long total;
  private volatile String stage = Stage.DISCOVERING.label();
  private int lastWidth;
  private Runnable onClose = () -> {};
  private boolean closed;

  ProgressReporter(Mode mode, long totalTrials, PrintStream out, LongSupplier nanoClock) {
    this.mode = mode;
    this.total = totalTrials;
    this.out = out;
    this.nanoClock = nanoClock;
    this.startNanos = nanoClock.getAsLong();
    this.rate = new RateWindow(startNanos);
  }

  /**
   * Starts reporting: registers the listener and a daemon thread that redraws the line.
   *
   * @param totalTrials trials the engine will process, or 0 if not known yet (see {@link #total})
   */
  public static ProgressReporter start(SparkContext sc, int totalTrials, PrintStream out) {
    boolean sparkBar = sc.getConf().getBoolean("spark.ui.showConsoleProgress", false);
    Mode mode = System.console() != null && !sparkBar ? Mode.TERMINAL : Mode.LOG;
    ProgressReporter reporter = new ProgressReporter(mode, totalTrials, out, System::nanoTime);
    TrialCountListener listener = new TrialCountListener(reporter::add);
    sc.addSparkListener(listener);
    ScheduledExecutorService ticker =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "exo-etl-progress");
              thread.setDaemon(true);
              return thread;
            });
    long period = (mode == Mode.TERMINAL ? TTY_PERIOD : LOG_PERIOD).toMillis();
    ticker.scheduleAtFixedRate(reporter::tick, period, period, TimeUnit.MILLISECONDS);
    reporter.onClose =
        () -> {
          reporter.awaitCount(LATE_EVENTS);
          ticker.shutdownNow();
          sc.removeSparkListener(listener);
        };
    return reporter;
  }

  /** Enters a stage; shown at once. */
  @Override
  public void stage(Stage next) {
    stage = next.label();
    tick();
  }

  /** Sets the total once it is known (e.g. after discovery). */
  @Override
  public void total(long totalTrials) {
    total = totalTrials;
  }

  /** Trials processed so far. */
  public long done() {
    return done.get();
  }

  void add(long trials) {
    done.addAndGet(trials);
  }

  /** Draws the current line: in place on a terminal, as a new line in a log. */
  synchronized void tick() {
    if (closed) {
      return;
    }
    String line = ProgressLine.format(snapshot());
    if (mode == Mode.TERMINAL) {
      // Spaces wipe what is left of a longer previous line; no ANSI codes, so any terminal works.
      out.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
      lastWidth = line.length();
    } else {
      out.println("[exo-etl] " + line);
    }
    out.flush();
  }

  void awaitCount(Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    while (total > 0 && done.get() < total && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  ProgressSnapshot snapshot() {
    long now = nanoClock.getAsLong();
    long count = done.get();
    long shown = total > 0 ? Math.min(count, total) : count;
    return new ProgressSnapshot(
        stage, shown, total, Duration.ofNanos(now - startNanos), rate.record(now, count));
  }

  /**
   * Prints the final line (ending the terminal line) and stops listening. Spark delivers listener
   * events asynchronously, so the last tasks' counts may arrive just after the job returned; close
   * waits up to {@link #LATE_EVENTS} for the count to reach the total first.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    onClose.run();
    tick();
    if (mode == Mode.TERMINAL) {
      out.println();
    }
    closed = true;
  }
}
