package io.macexo.exoetl.testing;

import io.macexo.exoetl.config.EtlConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * An independent, deliberately simple reading of one good trial's three CSV files, the way a pandas
 * user would: split on commas, find columns by name, empty or NaN text is NaN, join on round(time *
 * rate). Tests compare the job's Parquet output with it cell by cell.
 */
public final class ReferenceTrialReader {
  private ReferenceTrialReader() {}

  /** The expected (seq x width) float matrix of one file kind, rows in time order. */
  public static List<float[]> read(
      Path trialFolder, String participant, String trial, FileKind kind, EtlConfig config)
      throws IOException {
    return read(
        trialFolder.resolve(kind.fileName(participant, trial)),
        kind.columns(config.selection()),
        config);
  }

  /** The expected (seq x width) matrix of the named columns of one CSV file, in time order. */
  public static List<float[]> read(Path file, List<String> wanted, EtlConfig config)
      throws IOException {
    List<String> lines = Files.readAllLines(file);
    List<String> header = Arrays.asList(lines.get(0).split(",", -1));
    int time = header.indexOf(config.selection().timeColumn());
    TreeMap<Long, float[]> byStep = new TreeMap<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isEmpty()) {
        continue;
      }
      String[] fields = line.split(",", -1);
      float[] values = new float[wanted.size()];
      for (int i = 0; i < wanted.size(); i++) {
        String text = fields[header.indexOf(wanted.get(i))].trim();
        values[i] =
            text.isEmpty() || text.equalsIgnoreCase("nan")
                ? Float.NaN
                : (float) Double.parseDouble(text);
      }
      byStep.put(Math.round(Double.parseDouble(fields[time]) * config.samplingRateHz()), values);
    }
    return new ArrayList<>(byStep.values());
  }
}
