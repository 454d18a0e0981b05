package io.macexo.exoetl.oracle;

import io.macexo.exoetl.pipeline.PerTrialEngine;
import io.macexo.exoetl.pipeline.TrialEngine;

/** The two engines tests run side by side: the job's, and the DataFrame oracle. */
public enum Engines {
  PER_TRIAL,
  DATAFRAME;

  public TrialEngine create() {
    return this == PER_TRIAL ? new PerTrialEngine() : new DataFrameEngine();
  }
}
