package io.macexo.exoetl.hub;

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
    return "## Columns\n\n"
        + "| column | type | meaning |\n|---|---|---|\n"
        + "| `participant` | string | participant id, e.g. BT01 (also the folder `data/BT01/`) |\n"
        + "| `trial_name` | string | trial folder name, e.g. `normal_walk_1_1-2_on` |\n"
        + "| `mass_kg` | float64 | body mass without the exoskeleton, kg |\n"
        + "| `sequence_length` | int32 | timesteps in the trial |\n"
        + "| `imu_features` | list of list of float32 | (sequence_length, "
        + f.imu().size()
        + ") |\n"
        + "| `angle_features` | list of list of float32 | (sequence_length, "
        + f.angle().size()
        + ") |\n"
        + "| `moment_targets` | list of list of float32 | (sequence_length, "
        + f.moment().size()
        + ") |\n";
  }

  private static String features(CardFacts f) {
    StringBuilder text = new StringBuilder("## Features and units\n\n");
    text.append("Inner-list order of each array column:\n\n");
    text.append("- `imu_features`: ").append(withUnits(f.imu())).append('\n');
    text.append("- `angle_features` (deg): ").append(codes(f.angle())).append('\n');
    text.append("- `moment_targets` (Nm/kg, normalised by body mass): ")
        .append(codes(f.moment()))
        .append('\n');
    text.append(
            "\nAccelerations are in m/s² (the vertical axis carries gravity), angular rates in deg/s, ")
        .append("joint angles in degrees (knee flexion negative), moments in Nm/kg.\n");
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
        + "Each participant's trials sit in `data/<participant>/`; `participant` is also a column in every "
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
        + ", data_dir=\"data/BT01\", split=\"train\")  # one participant\n"
        + "some = load_dataset("
        + repo
        + ", data_files=[\"data/BT01/*.parquet\", \"data/BT02/*.parquet\"], split=\"train\")\n"
        + "# Pin what a model was trained on: a commit sha or a tag of this repo.\n"
        + "pinned = load_dataset("
        + repo
        + ", revision=\"<commit sha or tag>\", split=\"train\")\n```\n\n"
        + "pandas, pyarrow, Polars and DuckDB read the files with their default calls, e.g. "
        + "`pd.read_parquet(\"data\")` or DuckDB's `read_parquet('data/**/*.parquet')` on a download "
        + "(`huggingface_hub.snapshot_download("
        + repo
        + ", repo_type=\"dataset\")`).\n\n"
        + "A PyTorch `Dataset` and a `collate_fn` that pads each batch to its longest trial:\n\n"
        + pytorch(f);
  }

  private static String pytorch(CardFacts f) {
    int inputs = f.imu().size() + f.angle().size();
    int targets = f.moment().size();
    return "```python\nimport numpy as np\nimport torch\nfrom torch.utils.data import DataLoader, Dataset\n\n\n"
        + "class ExoTrials(Dataset):\n"
        + "    \"\"\"One item per trial: inputs (seq, "
        + inputs
        + ") = "
        + f.imu().size()
        + " IMU + "
        + f.angle().size()
        + " angles, targets (seq, "
        + targets
        + ").\"\"\"\n\n"
        + "    def __init__(self, hf_dataset):\n        self.trials = hf_dataset\n\n"
        + "    def __len__(self):\n        return len(self.trials)\n\n"
        + "    def __getitem__(self, index):\n        row = self.trials[index]\n"
        + "        imu = np.asarray(row[\"imu_features\"], dtype=np.float32)\n"
        + "        angles = np.asarray(row[\"angle_features\"], dtype=np.float32)\n"
        + "        targets = np.asarray(row[\"moment_targets\"], dtype=np.float32)\n"
        + "        inputs = np.concatenate([imu, angles], axis=1)\n"
        + "        return torch.from_numpy(inputs), torch.from_numpy(targets)\n\n\n"
        + "def collate(batch):\n"
        + "    \"\"\"Pads to the longest trial; mask is True on real timesteps.\"\"\"\n"
        + "    lengths = torch.tensor([x.shape[0] for x, _ in batch])\n"
        + "    longest = int(lengths.max())\n"
        + "    inputs = torch.zeros(len(batch), longest, batch[0][0].shape[1])\n"
        + "    targets = torch.zeros(len(batch), longest, batch[0][1].shape[1])\n"
        + "    for i, (x, y) in enumerate(batch):\n"
        + "        inputs[i, : x.shape[0]] = x\n        targets[i, : y.shape[0]] = y\n"
        + "    mask = torch.arange(longest)[None, :] < lengths[:, None]\n"
        + "    return inputs, targets, mask, lengths\n\n\n"
        + "loader = DataLoader(ExoTrials(trials), batch_size=8, shuffle=True, collate_fn=collate)\n"
        + "inputs, targets, mask, lengths = next(iter(loader))\n"
        + "# inputs (batch, seq, "
        + inputs
        + "), targets (batch, seq, "
        + targets
        + "), mask (batch, seq), lengths (batch,)\n"
        + "valid = mask[..., None] & ~torch.isnan(targets)  # also masks NaN targets\n"
        + "inputs = torch.nan_to_num(inputs)\n```\n";
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
