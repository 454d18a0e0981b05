package io.macexo.exoetl.model;

import java.util.List;

/** Column names of the output dataset and the rejects table, declared once. */
public final class OutputColumns {
  public static final String PARTICIPANT = "participant";
  public static final String TRIAL_NAME = "trial_name";
  public static final String MASS_KG = "mass_kg";
  public static final String SEQUENCE_LENGTH = "sequence_length";
  public static final String IMU_FEATURES = "imu_features";
  public static final String ANGLE_FEATURES = "angle_features";
  public static final String MOMENT_TARGETS = "moment_targets";

  public static final String REASON_CODE = "reason_code";
  public static final String DETAIL = "detail";

  /** Output order of the dataset's columns. */
  public static final List<String> DATASET =
      List.of(
          PARTICIPANT,
          TRIAL_NAME,
          MASS_KG,
          SEQUENCE_LENGTH,
          IMU_FEATURES,
          ANGLE_FEATURES,
          MOMENT_TARGETS);

  /** Output order of the rejects table. */
  public static final List<String> REJECTS = List.of(PARTICIPANT, TRIAL_NAME, REASON_CODE, DETAIL);

  private OutputColumns() {}
}
