package io.macexo.exoetl.card;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts of {@code metadata.json} the dataset card prints, checked: a missing or mistyped key
 * fails with its name, so a card never shows "null".
 */
record CardFacts(
    String etlVersion,
    String sparkVersion,
    String createdAt,
    String nanPolicy,
    int samplingRateHz,
    List<Group> groups,
    List<Participant> participants,
    long trialsFound,
    long trialsWritten,
    long trialsRejected,
    Map<String, Long> rejectedByReason,
    Map<String, Long> taskFamilies) {

  /** One participant row. */
  record Participant(String id, double massKg, long trials) {}

  /** One array column: where it comes from and what it holds. */
  record Group(String name, String column, List<String> features, String unit, String description) {
    Group {
      features = List.copyOf(features);
    }
  }

  /** The array columns of an output written before metadata.json listed its groups. */
  private static final List<String[]> LEGACY_GROUPS =
      List.of(
          new String[] {"imu", "imu_features", ""},
          new String[] {"angle", "angle_features", "deg"},
          new String[] {"moment", "moment_targets", "Nm/kg"});

  CardFacts {
    groups = List.copyOf(groups);
    participants = List.copyOf(participants);
  }

  static CardFacts of(JsonNode m) {
    List<Participant> participants = new ArrayList<>();
    for (JsonNode p : array(m, "participants")) {
      participants.add(
          new Participant(
              text(p, "participant"),
              number(p, "mass_kg").doubleValue(),
              number(p, "trials").longValue()));
    }
    JsonNode totals = object(m, "totals");
    JsonNode features = object(m, "features");
    return new CardFacts(
        text(m, "exo_etl_version"),
        text(m, "spark_version"),
        text(m, "created_at"),
        text(m, "nan_policy"),
        number(m, "sampling_rate_hz").intValue(),
        m.has("groups") ? groups(array(m, "groups")) : legacyGroups(features),
        participants,
        number(totals, "trials_found").longValue(),
        number(totals, "trials_written").longValue(),
        number(totals, "trials_rejected").longValue(),
        counts(totals.get("rejected_by_reason")),
        counts(m.get("task_families")));
  }

  private static String text(JsonNode node, String key) {
    JsonNode value = node.get(key);
    if (value == null || !value.isTextual()) {
      throw missing(key, "a string");
    }
    return value.asText();
  }

  private static Number number(JsonNode node, String key) {
    JsonNode value = node.get(key);
    if (value == null || !value.isNumber()) {
      throw missing(key, "a number");
    }
    return value.numberValue();
  }

  private static JsonNode object(JsonNode node, String key) {
    JsonNode value = node.get(key);
    if (value == null || !value.isObject()) {
      throw missing(key, "an object");
    }
    return value;
  }

  private static JsonNode array(JsonNode node, String key) {
    JsonNode value = node.get(key);
    if (value == null || !value.isArray()) {
      throw missing(key, "an array");
    }
    return value;
  }

  private static List<Group> groups(JsonNode array) {
    List<Group> groups = new ArrayList<>();
    for (JsonNode group : array) {
      groups.add(
          new Group(
              text(group, "name"),
              text(group, "column"),
              names(group, "features"),
              group.path("unit").asText(""),
              group.path("description").asText("")));
    }
    return groups;
  }

  private static List<Group> legacyGroups(JsonNode features) {
    List<Group> groups = new ArrayList<>();
    for (String[] legacy : LEGACY_GROUPS) {
      groups.add(new Group(legacy[0], legacy[1], names(features, legacy[0]), legacy[2], ""));
    }
    return groups;
  }

  private static List<String> names(JsonNode features, String key) {
    List<String> names = new ArrayList<>();
    array(features, key).forEach(name -> names.add(name.asText()));
    return names;
  }

  /** A name-to-count object; absent means none. */
  private static Map<String, Long> counts(JsonNode node) {
    Map<String, Long> counts = new LinkedHashMap<>();
    if (node != null && node.isObject()) {
      node.fields()
          .forEachRemaining(field -> counts.put(field.getKey(), field.getValue().asLong()));
    }
    return counts;
  }

  private static IllegalArgumentException missing(String key, String kind) {
    return new IllegalArgumentException(
        "Cannot render the dataset card: metadata.json has no '" + key + "' (" + kind + ")");
  }
}
