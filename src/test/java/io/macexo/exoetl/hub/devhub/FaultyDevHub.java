package io.macexo.exoetl.hub.devhub;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * The dev-hub with the tests' faults and their control routes ({@link DevHubAdmin}), for tests
 * outside this JVM: the Python suite starts it with the test class path ({@code
 * target/test-classes:target/classes} and the jars of {@code target/test.classpath}).
 *
 * <pre>
 *   java -cp ... io.macexo.exoetl.hub.devhub.FaultyDevHub --port N --storage DIR --tokens hf_a,hf_b
 *       [--scoped-tokens hf_c]
 * </pre>
 *
 * Prints {@code dev-hub listening on http://127.0.0.1:N} when it is ready, and runs until killed.
 */
public final class FaultyDevHub {
  private FaultyDevHub() {}

  public static void main(String[] args) throws Exception {
    List<String> words = List.of(args);
    Set<String> tokens = new LinkedHashSet<>(List.of(value(words, "--tokens").split(",")));
    String scoped = words.contains("--scoped-tokens") ? value(words, "--scoped-tokens") : "";
    DevHubOptions options =
        DevHubOptions.withTokens(tokens)
            .withScopedTokens(
                scoped.isEmpty() ? Set.of() : new LinkedHashSet<>(List.of(scoped.split(","))));
    DevHubServer hub =
        DevHubServer.start(
            options, Path.of(value(words, "--storage")), Integer.parseInt(value(words, "--port")));
    Faults.on(hub).serveAdmin(hub);
    System.out.println("dev-hub listening on " + hub.url() + " (with the tests' faults)");
    System.out.flush();
    new CountDownLatch(1).await();
  }

  private static String value(List<String> words, String flag) {
    int at = words.indexOf(flag);
    if (at < 0 || at + 1 >= words.size()) {
      throw new IllegalArgumentException(flag + " is required");
    }
    return words.get(at + 1);
  }
}
