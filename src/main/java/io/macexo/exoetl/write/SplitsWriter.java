package io.macexo.exoetl.write;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.macexo.exoetl.config.Splits;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@code splits.json} from the configured splits, limited to participants present in the
 * output, plus one leave-one-subject-out fold per participant, so training code and the dataset
 * share one definition. Pure.
 */
public final class SplitsWriter {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SplitsWriter() {}

  public static ObjectNode build(Splits splits, List<String> present) {
    ObjectNode root = MAPPER.createObjectNode();
    List<String> val = keep(splits.val(), present);
    List<String> test = keep(splits.test(), present);
    List<String> train =
        new ArrayList<>(splits.train().isEmpty() ? present : keep(splits.train(), present));
    train.removeAll(val);
    train.removeAll(test);
    train.sort(null);
    array(root, "train", train);
    array(root, "val", val);
    array(root, "test", test);
    ArrayNode folds = root.putArray("leave_one_subject_out");
    for (String held : present) {
      ObjectNode fold = folds.addObject();
      fold.put("test", held);
      array(fold, "train", present.stream().filter(p -> !p.equals(held)).toList());
    }
    return root;
  }

  private static List<String> keep(List<String> configured, List<String> present) {
    return configured.stream().filter(present::contains).sorted().toList();
  }

  private static void array(ObjectNode node, String name, List<String> values) {
    ArrayNode array = node.putArray(name);
    values.forEach(array::add);
  }
}
