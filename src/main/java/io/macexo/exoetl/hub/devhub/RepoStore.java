package io.macexo.exoetl.hub.devhub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** All repos of a dev-hub, loaded from {@code <storage>/repos} at start and created on demand. */
final class RepoStore {
  private final Path root;
  private final Map<String, DevRepo> repos = new ConcurrentHashMap<>();

  RepoStore(Path storage) {
    this.root = storage.resolve("repos");
    try {
      Files.createDirectories(root);
      try (Stream<Path> files = Files.walk(root, 4)) {
        files
            .filter(path -> path.getFileName().toString().equals("repo.json"))
            .map(path -> DevRepo.load(path.getParent()))
            .forEach(repo -> repos.put(repo.key, repo));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the dev-hub storage " + storage, e);
    }
  }

  Optional<DevRepo> find(String key) {
    return Optional.ofNullable(repos.get(key));
  }

  /** Creates a repo; empty when it already exists. */
  synchronized Optional<DevRepo> create(String key, boolean privateRepo) {
    if (repos.containsKey(key)) {
      return Optional.empty();
    }
    DevRepo repo = DevRepo.create(key, privateRepo, root.resolve(key));
    repos.put(key, repo);
    return Optional.of(repo);
  }
}
