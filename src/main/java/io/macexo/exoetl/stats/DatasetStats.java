package io.macexo.exoetl.stats;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.macexo.exoetl.model.FeatureGroup;
import io.macexo.exoetl.model.Moments;
import io.macexo.exoetl.model.Selection;
import io.macexo.exoetl.model.TrialStats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Builds {@code stats.json}: per feature of the selection (by default 24 + 4 + 4) count, NaN count,
 * mean, population std, min and max over every written timestep, overall and per participant; the
 * sequence-length distribution; trials per task family. Pure: it merges per-participant {@link
 * TrialStats}, which are kept in the manifest, so an incremental run recomputes only changed
 * participants. Training code normalizes with these.
 */
public final class DatasetStats {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private DatasetStats() {}

  public static ObjectNode build(
      Selection features,
      Map<String, TrialStats> byParticipant,
      List<Integer> sequenceLengths,
      Map<String, Long> taskFamilies) {
    ObjectNode root = MAPPER.createObjectNode();
    TrialStats overall = TrialStats.empty(0);
    for (TrialStats stats : byParticipant.values()) {
      overall = overall.merge(stats);
    }
    root.set("features", features(features, overall));
    ObjectNode participants = root.putObject("participants");
    byParticipant.forEach(
        (participant, stats) ->
            participants.putObject(participant).set("features", features(features, stats)));
    root.set("sequence_length", lengths(sequenceLengths));
    ObjectNode families = root.putObject("task_families");
    taskFamilies.forEach(families::put);
    return root;
  }

  /** The feature names in stats order with their group's name and unit. */
  public static List<String[]> namedFeatures(Selection selection) {
    List<String[]> named = new ArrayList<>();
    for (FeatureGroup group : selection.groups()) {
      for (String name : group.features()) {
        named.add(new String[] {name, group.name(), unit(group, name)});
      }
    }
    return named;
  }

  private static ArrayNode features(Selection features, TrialStats stats) {
    ArrayNode array = MAPPER.createArrayNode();
    List<String[]> named = namedFeatures(features);
    for (int i = 0; i < named.size(); i++) {
      Moments m = i < stats.features().size() ? stats.features().get(i) : Moments.EMPTY;
      ObjectNode node = array.addObject();
      node.put("name", named.get(i)[0]).put("group", named.get(i)[1]).put("unit", named.get(i)[2]);
      node.put("count", m.count()).put("nan_count", m.nanCount());
      if (m.count() > 0) {
        node.put("mean", m.mean()).put("std", m.std()).put("min", m.min()).put("max", m.max());
      } else {
        node.putNull("mean").putNull("std").putNull("min").putNull("max");
      }
    }
    return array;
  }

  /**
   * A feature's unit: its group's, or, in a group of mixed units (the IMU), read from the name:
   * gyroscopes in deg/s, accelerometers in m/s^2.
   */
  static String unit(FeatureGroup group, String feature) {
    if (!group.unit().isEmpty()) {
      return group.unit();
    }
    if (feature.contains("gyro")) {
      return "deg/s";
    }
    return feature.contains("accel") ? "m/s^2" : "";
  }

  private static ObjectNode lengths(List<Integer> lengths) {
    ObjectNode node = MAPPER.createObjectNode();
    int[] sorted = lengths.stream().mapToInt(Integer::intValue).sorted().toArray();
    node.put("count", sorted.length);
    if (sorted.length == 0) {
      node.putArray("histogram");
      return node;
    }
    node.put("min", sorted[0]).put("max", sorted[sorted.length - 1]);
    node.put("mean", Arrays.stream(sorted).average().orElse(0));
    node.put("p50", sorted[(sorted.length - 1) / 2])
        .put("p90", sorted[(int) Math.floor(0.9 * (sorted.length - 1))]);
    int width = niceWidth(sorted[sorted.length - 1]);
    ArrayNode histogram = node.putArray("histogram");
    int[] counts = new int[sorted[sorted.length - 1] / width + 1];
    for (int length : sorted) {
      counts[length / width]++;
    }
    for (int bin = 0; bin < counts.length; bin++) {
      histogram
          .addObject()
          .put("lower", bin * width)
          .put("upper", (bin + 1) * width)
          .put("count", counts[bin]);
    }
    return node;
  }

  /** A round bin width giving about 20 bins up to {@code max}. */
  private static int niceWidth(int max) {
    int raw = Math.max(1, max / 20);
    int magnitude = (int) Math.pow(10, Math.floor(Math.log10(raw)));
    for (int step : new int[] {1, 2, 5, 10}) {
      if (step * magnitude >= raw) {
        return step * magnitude;
      }
    }
    return 10 * magnitude;
  }
}
