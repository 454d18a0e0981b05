package io.macexo.exoetl.bench;

import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.discover.DiscoveredInput;
import io.macexo.exoetl.discover.TrialDiscovery;
import io.macexo.exoetl.model.TrialFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * The trials of a corpus, found once by the job's own {@link TrialDiscovery} (so every contender
 * reads exactly the trials prepare reads), and handed to child processes as a tab-separated file:
 * {@code participant, trial, mass_kg, bytes, exo path, angle_filt path, moment_filt_bio path}.
 */
public record TrialManifest(List<ManifestEntry> entries) {
  private static final String SEPARATOR = "\t";
  private static final int FIXED_FIELDS = 4;

  public TrialManifest {
    entries = List.copyOf(entries);
  }

  /** Discovers the readable trials under {@code root} with the given configuration's masses. */
  public static TrialManifest discover(Path root, EtlConfig config) throws IOException {
    FileSystem local = FileSystem.getLocal(new Configuration());
    DiscoveredInput input =
        new TrialDiscovery(local, config)
            .discover(new org.apache.hadoop.fs.Path(root.toUri()), List.of());
    if (!input.rejects().isEmpty()) {
      throw new IOException(
          "Cannot benchmark "
              + root
              + ": discovery rejects "
              + input.rejects().size()
              + " trials (first: "
              + input.rejects().get(0)
              + "); a bench corpus must be generated without --defects");
    }
    List<ManifestEntry> entries = new ArrayList<>();
    for (TrialFiles trial : input.readable()) {
      Map<FileKind, Path> files = new EnumMap<>(FileKind.class);
      for (FileKind kind : FileKind.values()) {
        files.put(
            kind,
            Path.of(new org.apache.hadoop.fs.Path(trial.path(kind.ordinal())).toUri().getPath()));
      }
      double mass = config.massOf(trial.id().participant()).orElseThrow();
      entries.add(
          new ManifestEntry(
              trial.id().participant(), trial.id().trial(), mass, trial.bytes(), files));
    }
    return new TrialManifest(entries);
  }

  /** Bytes of the three read files of every trial. */
  public long bytes() {
    return entries.stream().mapToLong(ManifestEntry::bytes).sum();
  }

  /** Every read file, trial by trial. */
  public List<Path> files() {
    List<Path> files = new ArrayList<>();
    for (ManifestEntry entry : entries) {
      for (FileKind kind : FileKind.values()) {
        files.add(entry.file(kind));
      }
    }
    return files;
  }

  /** About {@code count} trials spread evenly over the corpus (every k-th), for a subset run. */
  public TrialManifest spread(int count) {
    if (count >= entries.size()) {
      return this;
    }
    List<ManifestEntry> picked = new ArrayList<>();
    double step = (double) entries.size() / count;
    for (int index = 0; index < count; index++) {
      picked.add(entries.get((int) Math.floor(index * step)));
    }
    return new TrialManifest(picked);
  }

  public void write(Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    for (ManifestEntry entry : entries) {
      List<String> fields =
          new ArrayList<>(
              List.of(
                  entry.participant(),
                  entry.trial(),
                  Double.toString(entry.massKg()),
                  Long.toString(entry.bytes())));
      for (FileKind kind : FileKind.values()) {
        fields.add(entry.file(kind).toString());
      }
      lines.add(String.join(SEPARATOR, fields));
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  public static TrialManifest read(Path file) throws IOException {
    List<ManifestEntry> entries = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      String[] fields = line.split(SEPARATOR, -1);
      if (fields.length != FIXED_FIELDS + FileKind.values().length) {
        throw new IOException("Cannot read manifest " + file + ": bad line '" + line + "'");
      }
      Map<FileKind, Path> files = new EnumMap<>(FileKind.class);
      for (FileKind kind : FileKind.values()) {
        files.put(kind, Path.of(fields[FIXED_FIELDS + kind.ordinal()]));
      }
      entries.add(
          new ManifestEntry(
              fields[0],
              fields[1],
              Double.parseDouble(fields[2]),
              Long.parseLong(fields[3]),
              files));
    }
    return new TrialManifest(entries);
  }
}
