package io.macexo.exoetl.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.macexo.exoetl.config.ConfigLoader;
import io.macexo.exoetl.model.Selection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The DuckDB statement is text built without I/O: what it asks DuckDB to do. */
class DuckDbPeerSqlTest {
  private static final Selection FEATURES = ConfigLoader.defaults().selection();

  @Test
  void readCsvNamesAndTypesEveryColumnAndSniffsNothing() {
    String call =
        DuckDbPeerSql.readCsv(
            List.of(Path.of("/data/BT01_walk_on_angle_filt.csv"), Path.of("/data/it's.csv")),
            List.of("time", "hip_flexion_l", "hip_adduction_l"),
            List.of("time", "hip_flexion_l"));

    assertThat(call)
        .isEqualTo(
            "read_csv(['/data/BT01_walk_on_angle_filt.csv', '/data/it''s.csv'], auto_detect ="
                + " false, header = true, delim = ',', quote = '', escape = '', columns = {'time':"
                + " 'DOUBLE', 'hip_flexion_l': 'DOUBLE', 'hip_adduction_l': 'VARCHAR'}, filename ="
                + " true)");
  }

  @Test
  void oneReadCsvPerDistinctHeaderAndThePartitionColumnIsKept() {
    List<HeaderGroups> kinds = new ArrayList<>();
    for (FileKind kind : FileKind.values()) {
      Map<List<String>, List<Path>> groups = new LinkedHashMap<>();
      List<String> header = new ArrayList<>(List.of(FEATURES.timeColumn()));
      header.addAll(kind.columns(FEATURES));
      groups.put(header, List.of(Path.of("/data/a_" + kind.suffix() + ".csv")));
      if (kind == FileKind.ANGLE) {
        List<String> shuffled = new ArrayList<>(header);
        java.util.Collections.reverse(shuffled);
        groups.put(shuffled, List.of(Path.of("/data/b_" + kind.suffix() + ".csv")));
      }
      kinds.add(new HeaderGroups(kind, groups));
    }

    String copy = DuckDbPeerSql.copyStatement(kinds, FEATURES, 200, Path.of("/out"));

    assertThat(copy.split("read_csv\\(", -1)).hasSize(5);
    assertThat(copy)
        .contains("CAST(round(r.\"time\" * 200) AS BIGINT) AS step")
        .contains("list(imu ORDER BY step) AS imu_features")
        .contains("CAST(coalesce(r.\"hip_flexion_l\", 'NaN') AS FLOAT)")
        .contains(
            "TO '/out' (FORMAT parquet, PARTITION_BY (participant), WRITE_PARTITION_COLUMNS true")
        .doesNotContain("union_by_name")
        .doesNotContain("*_exo.csv");
  }

  @Test
  void aHeaderWithoutASelectedColumnIsRefused() {
    Map<List<String>, List<Path>> groups = new LinkedHashMap<>();
    groups.put(List.of("time", "hip_flexion_l"), List.of(Path.of("/data/x.csv")));
    List<HeaderGroups> kinds = List.of(new HeaderGroups(FileKind.ANGLE, groups));

    assertThatThrownBy(() -> DuckDbPeerSql.copyStatement(kinds, FEATURES, 200, Path.of("/out")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot read /data/x.csv with DuckDB: no column hip_flexion_r, knee_angle_l,"
                + " knee_angle_r");
  }
}
