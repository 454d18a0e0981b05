package io.macexo.exoetl.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.macexo.exoetl.model.OutputColumns;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * metadata.json against the data it describes: the trials written in all, and per participant. One
 * group-by of the data by participant, collected (a row a participant). Where data files were left
 * out ({@link Coverage}), the total is not compared, and the participants only for those read
 * whole.
 */
final class MetadataAudit {
  private MetadataAudit() {}

  static List<Problem> check(JsonNode metadata, Dataset<Row> data, Coverage coverage) {
    List<Problem> problems = new ArrayList<>();
    if (!coverage.attributable()) {
      return problems;
    }
    Map<String, Long> counts = new HashMap<>();
    for (Row row : data.groupBy(OutputColumns.PARTICIPANT).count().collectAsList()) {
      counts.put(row.getString(0), row.getLong(1));
    }
    JsonNode written = metadata.path("totals").path("trials_written");
    long rows = counts.values().stream().mapToLong(Long::longValue).sum();
    if (coverage.whole() && written.asLong(-1) != rows) {
      problems.add(AuditMessages.trialsWritten(written, rows));
    }
    Map<String, Long> listed = new HashMap<>();
    metadata
        .path("participants")
        .forEach(p -> listed.put(p.path("participant").asText(), p.path("trials").asLong()));
    listed.keySet().removeIf(participant -> !coverage.covers(participant));
    counts.keySet().removeIf(participant -> !coverage.covers(participant));
    if (!listed.equals(counts)) {
      problems.add(AuditMessages.participantTrials(listed, counts));
    }
    return problems;
  }
}
