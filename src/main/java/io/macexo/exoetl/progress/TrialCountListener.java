package io.macexo.exoetl.progress;

import io.macexo.exoetl.pipeline.RunProgress;
import java.util.function.LongConsumer;
import org.apache.spark.Success$;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Learns how many trials the executors finished, without a job of its own: on each successful task
 * end (driver, Spark's listener thread) it takes that task's update of the accumulator named {@link
 * RunProgress#TRIALS_ACCUMULATOR} and passes it on. Spark reports only named accumulators in a
 * task's info, and only once per successful result task, so a retried task is not counted twice.
 */
final class TrialCountListener extends SparkListener {
  private final LongConsumer onTrials;

  TrialCountListener(LongConsumer onTrials) {
    this.onTrials = onTrials;
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
    if (taskEnd.taskInfo() == null || taskEnd.reason() != Success$.MODULE$) {
      return;
    }
    long trials = 0;
    for (AccumulableInfo info : CollectionConverters.asJava(taskEnd.taskInfo().accumulables())) {
      boolean ours =
          info.name().isDefined() && RunProgress.TRIALS_ACCUMULATOR.equals(info.name().get());
      if (ours && info.update().isDefined() && info.update().get() instanceof Number update) {
        trials += update.longValue();
      }
    }
    if (trials > 0) {
      onTrials.accept(trials);
    }
  }
}
