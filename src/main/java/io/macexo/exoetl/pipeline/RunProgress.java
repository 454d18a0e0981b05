package io.macexo.exoetl.pipeline;

import java.io.Serializable;
import java.util.Locale;
import org.apache.spark.SparkContext;
import org.apache.spark.util.LongAccumulator;

/**
 * Where a prepare run reports what it is doing: its stage, the trials it will process, and, from
 * the executors, each trial done. Owned here so that the steps below never know who listens; the
 * console reporter of the CLI ({@code progress.ProgressReporter}) is one implementation, {@link
 * #NONE} is the silent one.
 *
 * <p>Executors count through a {@link TrialCounter}: a named Spark accumulator, so a listener on
 * the driver can read each finished task's update by {@link #TRIALS_ACCUMULATOR} without a job of
 * its own.
 */
public interface RunProgress {
  /** The name of the accumulator executors add 1 to per trial processed. */
  String TRIALS_ACCUMULATOR = "exo-etl trials processed";

  /** What a run is doing. */
  enum Stage {
    DISCOVERING,
    READING,
    WRITING,
    FINISHING;

    /** As shown to people: {@code reading}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  void stage(Stage stage);

  void total(long trials);

  /** The counter executors add to; registered on the driver, once per job. */
  default TrialCounter trialCounter(SparkContext context) {
    return new AccumulatorCounter(context.longAccumulator(TRIALS_ACCUMULATOR));
  }

  /** Reports nothing. */
  RunProgress NONE =
      new RunProgress() {
        @Override
        public void stage(Stage stage) {}

        @Override
        public void total(long trials) {}
      };

  /** Trials done, counted on the executors. */
  interface TrialCounter extends Serializable {
    void add(long trials);
  }

  /** A counter backed by the named accumulator. */
  record AccumulatorCounter(LongAccumulator accumulator) implements TrialCounter {
    @Override
    public void add(long trials) {
      accumulator.add(trials);
    }
  }
}
