package io.macexo.exoetl.stats;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.macexo.exoetl.config.FeatureSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Builds {@code stats.json}: per feature (24 + 4 + 4) count, NaN count, mean, population std, min
 * and max over every written timestep, overall and per participant; the sequence-length
 * distribution; trials per task family. Pure: it merges per-participant {@link TrialStats}, which
 * are kept in the manifest, so an incremental run recomputes only changed participants. Training
 * code normalizes with these.
 */
public final class DatasetStats {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private DatasetStats() {}

  public static ObjectNode build(
      FeatureSet features,
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

  /** The feature names in stats order with their group. */
  public static List<String[]> namedFeatures(FeatureSet features) {
    List<String[]> named = new ArrayList<>();
    features.imu().forEach(name -> named.add(new String[] {name, "imu"}));
    features.angle().forEach(name -> named.add(new String[] {name, "angle"}));
    features.moment().forEach(name -> named.add(new String[] {name, "moment"}));
    return named;
  }

  private static ArrayNode features(FeatureSet features, TrialStats stats) {
    ArrayNode array = MAPPER.createArrayNode();
    List<String[]> named = namedFeatures(features);
    for (int i = 0; i < named.size(); i++) {
      Moments m = i < stats.features().size() ? stats.features().get(i) : Moments.EMPTY;
      ObjectNode node = array.addObject();
      node.put("name", named.get(i)[0])
          .put("group", named.get(i)[1])
          .put("unit", unit(named.get(i)));
      node.put("count", m.count()).put("nan_count", m.nanCount());
      if (m.count() > 0) {
        node.put("mean", m.mean()).put("std", m.std()).put("min", m.min()).put("max", m.max());
      } else {
        node.putNull("mean").putNull("std").putNull("min").putNull("max");
      }
    }
    return array;
  }

  static String unit(String[] feature) {
    return switch (feature[1]) {
      case "imu" -> feature[0].contains("gyro") ? "deg/s" : "m/s^2";
      case "angle" -> "deg";
      default -> "Nm/kg";
    };
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
