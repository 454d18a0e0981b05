package io.macexo.exoetl.hub;

import io.macexo.exoetl.card.DatasetCard;
import io.macexo.exoetl.model.OutputLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.LocatedFileStatus;

/**
 * What a sync publishes from the output, read and hashed once: the data files ({@code
 * data/**.parquet}, hashed {@code --parallel} at a time in one streaming pass each, sorted) and the
 * descriptions (the card, rendered from {@code metadata.json} when prepare wrote none, then {@link
 * LocalOutput#DESCRIPTIONS} that exist). Refuses an output without {@code _SUCCESS}. Driver only.
 *
 * @param data the data files, sorted by path
 * @param descriptions the card first, then the description files
 */
record OutputFiles(List<LocalFile> data, List<LocalFile> descriptions) {
  OutputFiles {
    data = List.copyOf(data);
    descriptions = List.copyOf(descriptions);
  }

  /** Every file to publish by its path in the repo. */
  Map<String, LocalFile> byPath() {
    Map<String, LocalFile> files = new HashMap<>();
    data.forEach(file -> files.put(file.path(), file));
    descriptions.forEach(file -> files.put(file.path(), file));
    return files;
  }

  /** Opens the output, checks it finished, and hashes what will be published. */
  static OutputFiles read(SyncOptions options, Configuration hadoop, SyncProgress progress) {
    LocalOutput output = LocalOutput.open(options.output(), hadoop);
    output.requireSuccessMarker();
    List<LocalFile> data = hashData(output, options, progress);
    return new OutputFiles(data, descriptions(output, options, progress));
  }

  /** The card, then the description files the output has (metadata, stats, splits, trials). */
  private static List<LocalFile> descriptions(
      LocalOutput output, SyncOptions options, SyncProgress progress) {
    List<LocalFile> descriptions = new ArrayList<>(List.of(card(output, options, progress)));
    for (String name : OutputLayout.DESCRIPTIONS) {
      if (output.exists(name)) {
        descriptions.add(output.hashFile(name));
      }
    }
    return descriptions;
  }

  /** Hashes the data files, several at a time, keeping their sorted order. */
  private static List<LocalFile> hashData(
      LocalOutput output, SyncOptions options, SyncProgress progress) {
    List<LocatedFileStatus> listed = output.listDataFiles();
    long bytes = listed.stream().mapToLong(LocatedFileStatus::getLen).sum();
    progress.line(
        "Hashing "
            + listed.size()
            + " data files ("
            + SyncProgress.bytes(bytes)
            + ") under "
            + output);
    ExecutorService pool = HubSync.pool(options.parallelUploads());
    try {
      List<CompletableFuture<LocalFile>> hashes = new ArrayList<>();
      listed.forEach(
          status ->
              hashes.add(CompletableFuture.supplyAsync(() -> output.hash(status, false), pool)));
      List<LocalFile> files = new ArrayList<>();
      for (CompletableFuture<LocalFile> hash : hashes) {
        try {
          files.add(hash.join());
        } catch (CompletionException e) {
          throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
      }
      progress.local(output.toString(), files.size(), bytes);
      return files;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The dataset card, rendered from metadata.json for this repo (so its loading examples name the
   * repo synced to, which prepare did not know); README.md as prepare wrote it when there is no
   * metadata.json to render from.
   */
  private static LocalFile card(LocalOutput output, SyncOptions options, SyncProgress progress) {
    String unrendered = "no " + OutputLayout.METADATA;
    if (output.exists(OutputLayout.METADATA)) {
      try {
        String text = DatasetCard.render(output.readMetadata(), options.repo().toString());
        return LocalFile.inMemory(OutputLayout.CARD, text.getBytes(StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        unrendered = e.getMessage();
      }
    }
    if (output.exists(OutputLayout.CARD)) {
      progress.line(
          unrendered + " in the output: publishing its " + OutputLayout.CARD + " as it is");
      return output.hashFile(OutputLayout.CARD);
    }
    throw HubException.local(
        "sync " + output,
        "no " + OutputLayout.CARD + " (dataset card), and " + unrendered + " to render one from");
  }
}
