package io.macexo.exoetl.card;

import io.macexo.exoetl.model.ReasonCode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The markdown body of the dataset card: source and citation, columns, features with units,
 * participants, task families, rejected trials, NaN policy, and how to load and batch the data.
 * Pure string building from {@link CardFacts}.
 */
final class CardText {
  private static final String SOURCE_DOI = "10.35090/gatech/75759";

  private CardText() {}

  static String body(CardFacts f, String repoId) {
    return String.join(
        "\n",
        List.of(
            intro(f),
            columns(f),
            features(f),
            participants(f),
            taskFamilies(f),
            rejected(f),
            nanPolicy(f),
            loading(f, repoId),
            citation()));
  }

  private static String intro(CardFacts f) {
    return "\n# Georgia Tech exoskeleton hip/knee joint moments, one row per trial\n\n"
        + "Training-ready Parquet version of the Georgia Tech task-agnostic hip/knee exoskeleton dataset "
        + "(Molinaro et al., *Task-agnostic exoskeleton control via biological joint moment estimation*, "
        + "Nature 2024; data DOI ["
        + SOURCE_DOI
        + "](https://doi.org/"
        + SOURCE_DOI
        + ")). Participants walked, "
        + "climbed stairs, jumped, lifted and more ("
        + plural(f.taskFamilies().size(), "task family", "task families")
        + " here) wearing a "
        + "hip/knee exoskeleton, powered (`_on`) or unpowered (`_off`). Each row is one trial: IMU and joint "
        + "angle sequences as inputs, biological hip and knee moments (inverse dynamics) as targets, sampled "
        + "at "
        + f.samplingRateHz()
        + " Hz.\n\n"
        + String.format(
            Locale.ROOT,
            "%d trials written out of %d found (%d rejected), %s. ",
            f.trialsWritten(),
            f.trialsFound(),
            f.trialsRejected(),
            plural(f.participants().size(), "participant", "participants"))
        + "Built by exo-etl "
        + f.etlVersion()
        + " on Apache Spark "
        + f.sparkVersion()
        + " at "
        + f.createdAt()
        + ". Licensing follows the source dataset: see its LICENSE at the DOI above.\n";
  }

  private static String plural(int count, String one, String many) {
    return count + " " + (count == 1 ? one : many);
  }

  private static String columns(CardFacts f) {
    StringBuilder text =
        new StringBuilder(
            "## Columns\n\n"
                + "| column | type | meaning |\n|---|---|---|\n"
                + "| `participant` | string | participant id, e.g. BT01 (also the folder `data/subject=…`) |\n"
                + "| `trial_name` | string | trial folder name, e.g. `normal_walk_1_1-2_on` |\n"
                + "| `mass_kg` | float64 | body mass without the exoskeleton, kg |\n"
                + "| `sequence_length` | int32 | timesteps in the trial |\n");
    for (CardFacts.Group group : f.groups()) {
      text.append("| `")
          .append(group.column())
          .append("` | list of list of float32 | (sequence_length, ")
          .append(group.features().size())
          .append(") |\n");
    }
    return text.toString();
  }

  private static String features(CardFacts f) {
    StringBuilder text = new StringBuilder("## Features and units\n\n");
    text.append("Inner-list order of each array column:\n\n");
    for (CardFacts.Group group : f.groups()) {
      text.append("- `").append(group.column()).append('`');
      if (!group.unit().isEmpty()) {
        text.append(" (").append(group.unit()).append(')');
      }
      text.append(": ")
          .append(group.unit().isEmpty() ? withUnits(group.features()) : codes(group.features()));
      if (!group.description().isEmpty()) {
        text.append(". ")
            .append(Character.toUpperCase(group.description().charAt(0)))
            .append(group.description().substring(1))
            .append('.');
      }
      text.append('\n');
    }
    return text.toString();
  }

  private static String withUnits(List<String> names) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      String unit =
          name.contains("accel") ? "m/s²" : name.contains("gyro") ? "deg/s" : "as recorded";
      text.append(i == 0 ? "" : ", ")
          .append('`')
          .append(name)
          .append("` (")
          .append(unit)
          .append(')');
    }
    return text.toString();
  }

  private static String codes(List<String> names) {
    return String.join(", ", names.stream().map(name -> "`" + name + "`").toList());
  }

  private static String participants(CardFacts f) {
    StringBuilder text =
        new StringBuilder(
            "## Participants\n\n| participant | trials | mass (kg) |\n|---|---:|---:|\n");
    for (CardFacts.Participant p : f.participants()) {
      text.append(
          String.format(Locale.ROOT, "| %s | %d | %.2f |%n", p.id(), p.trials(), p.massKg()));
    }
    text.append(
        String.format(
            Locale.ROOT,
            "| **total** | %d | |%n",
            f.participants().stream().mapToLong(CardFacts.Participant::trials).sum()));
    return text.toString();
  }

  private static String taskFamilies(CardFacts f) {
    StringBuilder text =
        new StringBuilder("## Task families\n\n| task family | trials |\n|---|---:|\n");
    f.taskFamilies()
        .forEach(
            (family, count) ->
                text.append("| ").append(family).append(" | ").append(count).append(" |\n"));
    return text.toString();
  }

  private static String rejected(CardFacts f) {
    StringBuilder text = new StringBuilder("## Rejected trials\n\n");
    if (f.rejectedByReason().isEmpty()) {
      return text.append("No trial was rejected.\n").toString();
    }
    text.append(f.trialsRejected())
        .append(" trials were left out; each has a row with its reason in the ")
        .append(
            "rejects table of the prepare output.\n\n| reason | trials | meaning |\n|---|---:|---|\n");
    for (Map.Entry<String, Long> entry : f.rejectedByReason().entrySet()) {
      text.append("| ")
          .append(entry.getKey())
          .append(" | ")
          .append(entry.getValue())
          .append(" | ")
          .append(meaning(entry.getKey()))
          .append(" |\n");
    }
    return text.toString();
  }

  private static String meaning(String reason) {
    return Arrays.stream(ReasonCode.values())
        .filter(code -> code.name().equals(reason))
        .findFirst()
        .map(ReasonCode::meaning)
        .orElse("");
  }

  private static String nanPolicy(CardFacts f) {
    String policy = f.nanPolicy().toLowerCase(Locale.ROOT);
    String meaning =
        policy.equals("reject")
            ? "a trial with any NaN in a selected column was rejected (reason NAN), so the arrays hold no NaN."
            : "NaN stays NaN in the arrays. The source has NaN blocks (exo data dropouts in some overground "
                + "trials, moment gaps in cutting, turn, curb and start/stop trials, one side in stairs), and "
                + "dropping them would lose whole task families: mask NaN in the loss instead (see below).";
    return "## NaN policy: `" + policy + "`\n\n" + meaning + "\n";
  }

  private static String loading(CardFacts f, String repoId) {
    String repo = "\"" + repoId + "\"";
    return "## Loading\n\n"
        + "Each participant's trials sit in `data/subject=<participant>/`; `participant` is also a column in every "
        + "file. The `trials` config is a small table, one row per trial without the arrays (task family, "
        + "exo on or off, speed, length, NaN shares, the file that holds it): browse it, pick, then load.\n\n"
        + "```python\nfrom datasets import load_dataset\n\n"
        + "trials = load_dataset("
        + repo
        + ", split=\"train\")  # every trial, with its arrays\n"
        + "print(trials[0][\"participant\"], trials[0][\"trial_name\"], trials[0][\"sequence_length\"])\n"
        + "index = load_dataset("
        + repo
        + ", \"trials\", split=\"train\")  # one small row per trial\n"
        + "bt01 = load_dataset("
        + repo
        + ", data_dir=\"data/subject=BT01\", split=\"train\")  # one participant\n"
        + "some = load_dataset("
        + repo
        + ", data_files=[\"data/subject=BT01/*.parquet\", \"data/subject=BT02/*.parquet\"], split=\"train\")\n"
        + "# Pin what a model was trained on: a commit sha or a tag of this repo.\n"
        + "pinned = load_dataset("
        + repo
        + ", revision=\"<commit sha or tag>\", split=\"train\")\n```\n\n"
        + "pandas, pyarrow, Polars and DuckDB read the files with their default calls, e.g. "
        + "`pd.read_parquet(\"data\")` or DuckDB's `read_parquet('data/**/*.parquet')` on a download "
        + "(`huggingface_hub.snapshot_download("
        + repo
        + ", repo_type=\"dataset\")`).\n\n"
        + "Training in PyTorch: windows of the trials, with masks, from a local cache that downloads "
        + "only what is asked for:\n\n"
        + pytorch(f, repo);
  }

  /**
   * Training with the project's PyTorch package, {@code exo_dataset}: the same module the docs and
   * the notebooks use, so the card never shows a second loader.
   */
  private static String pytorch(CardFacts f, String repo) {
    List<CardFacts.Group> groups = f.groups();
    int targets = groups.get(groups.size() - 1).features().size();
    int inputs = groups.stream().mapToInt(g -> g.features().size()).sum() - targets;
    return "```python\n"
        + "# the exo_dataset package: pip install ./src/main/python in a clone of exo-etl\n"
        + "from torch.utils.data import DataLoader\n"
        + "from exo_dataset import ExoskeletonDataset, collate_fn, masked_mse\n\n"
        + "train = ExoskeletonDataset(hf_repo="
        + repo
        + ", split=\"train\", window=1024, stride=512)\n"
        + "loader = DataLoader(train, batch_size=32, shuffle=True, collate_fn=collate_fn)\n"
        + "batch = next(iter(loader))\n"
        + "# inputs (batch, seq, "
        + inputs
        + "), targets (batch, seq, "
        + targets
        + "), mask (batch, seq), target_mask (batch, seq, "
        + targets
        + "), lengths (batch,)\n"
        + "# NaN inputs are 0 with mask False; NaN targets have target_mask False: use masked_mse\n"
        + "```\n";
  }

  private static String citation() {
    return "## Citation\n\n```bibtex\n"
        + "@article{molinaro2024taskagnostic,\n"
        + "  title   = {Task-agnostic exoskeleton control via biological joint moment estimation},\n"
        + "  author  = {Molinaro, Dean D. and Scherpereel, Keaton L. and Schonhaut, Ethan B. and\n"
        + "             Evangelopoulos, Georgios and Shepherd, Max K. and Young, Aaron J.},\n"
        + "  journal = {Nature},\n  year    = {2024},\n  volume  = {635},\n  pages   = {337--344},\n"
        + "  doi     = {10.1038/s41586-024-08157-7}\n}\n\n"
        + "@misc{molinaro2024dataset,\n"
        + "  title     = {Dataset for task-agnostic exoskeleton control via biological joint moment estimation},\n"
        + "  author    = {Molinaro, Dean D. and others},\n"
        + "  publisher = {Georgia Institute of Technology},\n  year      = {2024},\n"
        + "  doi       = {"
        + SOURCE_DOI
        + "}\n}\n```\n";
  }
}
