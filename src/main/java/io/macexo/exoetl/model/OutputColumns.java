package io.macexo.exoetl.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Column names of the output dataset, the trials table and the rejects table, declared once. The
 * dataset's array columns come from the {@link Selection}; the names here are the defaults'.
 */
public final class OutputColumns {
  public static final String PARTICIPANT = "participant";
  public static final String TRIAL_NAME = "trial_name";
  public static final String MASS_KG = "mass_kg";
  public static final String SEQUENCE_LENGTH = "sequence_length";

  /** The default selection's array columns (reference.conf). */
  public static final String IMU_FEATURES = "imu_features";

  public static final String ANGLE_FEATURES = "angle_features";
  public static final String MOMENT_TARGETS = "moment_targets";

  /** The columns every dataset row has before its arrays, in order. */
  public static final List<String> FIXED =
      List.of(PARTICIPANT, TRIAL_NAME, MASS_KG, SEQUENCE_LENGTH);

  public static final String TASK_FAMILY = "task_family";
  public static final String EXO_POWER = "exo_power";
  public static final String DESCRIPTOR = "descriptor";
  public static final String SPEED_M_S = "speed_m_s";
  public static final String DATA_FILE = "data_file";

  public static final String REASON_CODE = "reason_code";
  public static final String DETAIL = "detail";

  /** Output order of the rejects table. */
  public static final List<String> REJECTS = List.of(PARTICIPANT, TRIAL_NAME, REASON_CODE, DETAIL);

  private OutputColumns() {}

  /** Output order of the dataset's columns. */
  public static List<String> dataset(Selection selection) {
    List<String> columns = new ArrayList<>(FIXED);
    columns.addAll(selection.columns());
    return List.copyOf(columns);
  }

  /** The trials table's column with the NaN share of an array column: imu_features_nan_share. */
  public static String nanShare(String arrayColumn) {
    return arrayColumn + "_nan_share";
  }

  /** Output order of the trials table. */
  public static List<String> trials(Selection selection) {
    List<String> columns =
        new ArrayList<>(
            List.of(
                PARTICIPANT,
                TRIAL_NAME,
                TASK_FAMILY,
                EXO_POWER,
                DESCRIPTOR,
                SPEED_M_S,
                MASS_KG,
                SEQUENCE_LENGTH));
    selection.columns().forEach(column -> columns.add(nanShare(column)));
    columns.add(DATA_FILE);
    return List.copyOf(columns);
  }
}
