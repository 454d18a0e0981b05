package io.macexo.exoetl.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A process a test started (S3Proxy, a Spark master or worker, a prepare run), with its output in a
 * log file. {@link #close} stops it and everything it started (a Worker's executors), politely
 * first and forcibly after a grace period, so no test leaves a JVM behind.
 */
public final class ChildProcess implements AutoCloseable {
  private static final Duration GRACE = Duration.ofSeconds(10);

  private final String name;
  private final Process process;
  private final Path log;

  private ChildProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** Starts a process whose standard output and error both go to {@code log}. */
  public static ChildProcess start(String name, ProcessBuilder builder, Path log)
      throws IOException {
    Files.createDirectories(log.getParent());
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    Process process = builder.start();
    // Nothing is ever typed into a test's child: end its standard input at once.
    process.getOutputStream().close();
    return new ChildProcess(name, process, log);
  }

  public String name() {
    return name;
  }

  public Process process() {
    return process;
  }

  public Path log() {
    return log;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Waits for the process to end.
   *
   * @return its exit code
   * @throws IllegalStateException naming the process and its log if it runs past the timeout
   */
  public int waitFor(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException(
          name + " did not finish within " + timeout + "; its output: " + log);
    }
    return process.exitValue();
  }

  /** The log's last lines, for a failure message. */
  public String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }

  /** Kills the process at once, without shutdown hooks: what a crash or an OOM kill looks like. */
  public void kill() throws InterruptedException {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroyForcibly();
    children.forEach(ProcessHandle::destroyForcibly);
    process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Stops the process tree: terminate, then kill whatever is still running after the grace. */
  @Override
  public void close() throws InterruptedException {
    List<ProcessHandle> tree = process.descendants().toList();
    process.destroy();
    tree.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + GRACE.toNanos();
    if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
    }
    for (ProcessHandle child : tree) {
      long left = Math.max(0, deadline - System.nanoTime());
      try {
        child.onExit().get(left, TimeUnit.NANOSECONDS);
      } catch (TimeoutException | ExecutionException e) {
        child.destroyForcibly();
      }
    }
    process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
  }
}
