package io.macexo.exoetl.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a real Chromium, headless, on a local file: prints the DOM after the page's scripts ran, or
 * takes a screenshot. Each call starts a fresh browser with its own profile folder and every
 * background fetch switched off, so a test needs no network and leaves nothing behind.
 */
public final class HeadlessChromium {
  /** Where Debian's package puts it ({@code apt-get install chromium}). */
  public static final Path DEFAULT = Path.of("/usr/bin/chromium");

  private static final long TIMEOUT_SECONDS = 60;
  private final Path executable;
  private final Path profiles;

  private HeadlessChromium(Path executable, Path profiles) {
    this.executable = executable;
    this.profiles = profiles;
  }

  /** The browser, if installed; {@code profiles} is a scratch folder for its user data. */
  public static Optional<HeadlessChromium> find(Path profiles) {
    return Files.isExecutable(DEFAULT)
        ? Optional.of(new HeadlessChromium(DEFAULT, profiles))
        : Optional.empty();
  }

  /** The serialized DOM of {@code page} after its load event, laid out in a window this size. */
  public String dumpDom(Path page, int width, int height) throws IOException, InterruptedException {
    return run(
        List.of("--dump-dom", "--window-size=" + width + "," + height, page.toUri().toString()));
  }

  /** A PNG of the first {@code width} × {@code height} CSS pixels of {@code page}. */
  public void screenshot(Path page, Path png, int width, int height)
      throws IOException, InterruptedException {
    run(
        List.of(
            "--screenshot=" + png.toAbsolutePath(),
            "--window-size=" + width + "," + height,
            "--hide-scrollbars",
            page.toUri().toString()));
    if (!Files.isRegularFile(png)) {
      throw new IOException("Cannot take a screenshot of " + page + ": chromium wrote no " + png);
    }
  }

  private String run(List<String> arguments) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(Files.createDirectories(profiles), "profile");
    List<String> command = new ArrayList<>(List.of(executable.toString()));
    command.addAll(
        List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--user-data-dir=" + profile));
    command.addAll(arguments);
    Path stdout = profile.resolveSibling(profile.getFileName() + ".out");
    Path stderr = profile.resolveSibling(profile.getFileName() + ".err");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("Cannot run chromium: no exit after " + TIMEOUT_SECONDS + " s");
    }
    if (process.exitValue() != 0) {
      throw new IOException(
          "Cannot run chromium: exit "
              + process.exitValue()
              + ": "
              + Files.readString(stderr, StandardCharsets.UTF_8));
    }
    return Files.readString(stdout, StandardCharsets.UTF_8);
  }
}
