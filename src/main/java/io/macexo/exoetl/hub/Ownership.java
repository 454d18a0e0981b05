package io.macexo.exoetl.hub;

import io.macexo.exoetl.model.OutputLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Which remote files a sync may replace or delete, and which make it refuse the repo. A remote file
 * is the sync's when the repo's {@link SyncManifest} lists it with its present content, or when the
 * output has the very same bytes (replacing it loses nothing). Any other file under {@code data/}
 * (the card's glob would serve it) or at a path the sync writes is foreign: the sync refuses the
 * repo, naming some of them, unless {@code --force} takes them over. Other files ({@code
 * .gitattributes}, a person's notes) are left alone.
 *
 * <p>A repo without a manifest was written by an exo-etl from before manifests, or by someone else.
 * It is adopted as an earlier sync's when its {@code README.md} is an exo-etl card ({@value
 * #CARD_MARKER}) and every file under {@code data/} is a Parquet file in the layout those syncs
 * wrote ({@code data/participant=<P>/...}): then its data files and the card and description files
 * count as the sync's. Pure: the caller fetches the manifest and the card.
 */
final class Ownership {
  /** Text every exo-etl card has carried ("Built by exo-etl 0.1.0 on Apache Spark ..."). */
  static final String CARD_MARKER = "Built by exo-etl";

  private static final Pattern LEGACY_DATA = Pattern.compile("data/participant=[^/]+/.+\\.parquet");
  private static final List<String> LEGACY_DESCRIPTIONS =
      List.of(OutputLayout.CARD, OutputLayout.METADATA, "stats.json", "splits.json");
  private static final int LISTED = 3;

  private Ownership() {}

  /**
   * What the sync owns.
   *
   * @param owned the owned remote files, as the manifest would list them
   * @param foreign remote files the sync did not write but would serve, replace or delete
   * @param adopted true when a manifest-less repo was taken as an earlier exo-etl sync's
   */
  record Decision(SyncManifest owned, List<String> foreign, boolean adopted) {
    Decision {
      foreign = List.copyOf(foreign);
    }

    /** The same decision after {@code --force}: the foreign files become the sync's. */
    Decision forced(RemoteState remote) {
      Map<String, SyncManifest.Entry> all = new TreeMap<>(owned.files());
      foreign.forEach(path -> all.put(path, SyncManifest.Entry.of(remote.files().get(path))));
      return new Decision(new SyncManifest(all), List.of(), adopted);
    }
  }

  /**
   * Decides.
   *
   * @param manifest the repo's manifest, or null when it has none
   * @param exoEtlCard true when the remote README.md carries {@link #CARD_MARKER}
   * @param local the output's files by path (data and descriptions)
   */
  static Decision decide(
      RemoteState remote, SyncManifest manifest, boolean exoEtlCard, Map<String, LocalFile> local) {
    boolean legacy = manifest == null && exoEtlCard && legacyLayout(remote);
    Map<String, SyncManifest.Entry> owned = new TreeMap<>();
    List<String> foreign = new ArrayList<>();
    for (RemoteFile file : remote.files().values()) {
      if (SyncPlanner.isKept(file.path())) {
        continue;
      }
      LocalFile mine = local.get(file.path());
      boolean same = mine != null && file.sameContentAs(mine);
      if (same
          || (manifest != null && manifest.records(file))
          || (legacy && isLegacyOwned(file.path()))) {
        owned.put(file.path(), SyncManifest.Entry.of(file));
      } else if (SyncPlanner.isData(file.path()) || mine != null) {
        foreign.add(file.path());
      }
    }
    return new Decision(new SyncManifest(owned), foreign, legacy);
  }

  /**
   * True when ownership cannot be settled without the manifest's content: some remote file (other
   * than the kept ones) differs from the output or is not in it.
   */
  static boolean needsManifest(RemoteState remote, Map<String, LocalFile> local) {
    return remote.files().values().stream()
        .filter(file -> !SyncPlanner.isKept(file.path()))
        .anyMatch(
            file ->
                !(local.containsKey(file.path()) && file.sameContentAs(local.get(file.path()))));
  }

  /** True when every remote data file is in the layout pre-manifest syncs wrote. */
  static boolean legacyLayout(RemoteState remote) {
    return remote.files().keySet().stream()
        .filter(SyncPlanner::isData)
        .allMatch(path -> LEGACY_DATA.matcher(path).matches());
  }

  /** The one line a refused sync prints. */
  static String refusal(List<String> foreign) {
    return "it holds files that no exo-etl sync wrote ("
        + listed(foreign)
        + "); a sync would serve, replace or delete them under this repo's card, so check --repo,"
        + " or pass --force to take the repo over";
  }

  /** "a, b, c and 4 more". */
  static String listed(List<String> paths) {
    List<String> some = paths.stream().sorted().limit(LISTED).toList();
    return String.join(", ", some)
        + (paths.size() > LISTED ? " and " + (paths.size() - LISTED) + " more" : "");
  }

  private static boolean isLegacyOwned(String path) {
    return SyncPlanner.isData(path) || LEGACY_DESCRIPTIONS.contains(path);
  }
}
