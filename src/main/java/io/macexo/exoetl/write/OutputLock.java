package io.macexo.exoetl.write;

import io.macexo.exoetl.model.ExoEtlException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * One writer per output at a time: {@code <output>/_lock} is created exclusively and holds the run
 * id, host and a heartbeat refreshed every quarter of {@code exo-etl.lock.stale-after}. A second
 * run fails at once with a message naming the holder; a lock whose heartbeat is older than
 * stale-after, or whose process on this same host is gone, is taken over (its run died without
 * cleaning up). On the local file system creation is atomic (O_EXCL); object stores have no such
 * primitive, so there two runs started in the same instant could both win.
 */
public final class OutputLock implements AutoCloseable {
  private final FileSystem fs;
  private final Path path;
  private final String content;
  private final ScheduledExecutorService heartbeat;

  private OutputLock(FileSystem fs, Path path, String content, Duration staleAfter) {
    this.fs = fs;
    this.path = path;
    this.content = content;
    this.heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "exo-etl-lock-heartbeat");
              thread.setDaemon(true);
              return thread;
            });
    long period = Math.max(1000, staleAfter.toMillis() / 4);
    heartbeat.scheduleAtFixedRate(this::beat, period, period, TimeUnit.MILLISECONDS);
  }

  /** Takes the lock of an output, or throws an {@link ExoEtlException} naming the holder. */
  public static OutputLock acquire(FileSystem fs, Path path, String runId, Duration staleAfter)
      throws IOException {
    String content = runId + "\n" + host() + "\n";
    if (tryCreate(fs, path, content + Instant.now().toEpochMilli() + "\n")) {
      return new OutputLock(fs, path, content, staleAfter);
    }
    String[] holder = read(fs, path);
    long heartbeatMillis = holder.length > 2 ? parse(holder[2]) : 0;
    Duration age = Duration.ofMillis(Instant.now().toEpochMilli() - heartbeatMillis);
    if (age.compareTo(staleAfter) > 0 || deadOnThisHost(holder)) {
      fs.delete(path, false);
      if (tryCreate(fs, path, content + Instant.now().toEpochMilli() + "\n")) {
        return new OutputLock(fs, path, content, staleAfter);
      }
    }
    throw new ExoEtlException(
        "Cannot start: "
            + path.getParent()
            + " is being written by run "
            + (holder.length > 0 ? holder[0] : "?")
            + " on "
            + (holder.length > 1 ? holder[1] : "?")
            + " (last heartbeat "
            + age.toSeconds()
            + " s ago); wait for it to finish, or delete "
            + path
            + " if that run is dead (a lock older than "
            + staleAfter.toMinutes()
            + " min is taken over)");
  }

  /**
   * A holder on this host whose process is gone (killed, crashed) is dead at once: no need to wait
   * for its heartbeat to age.
   */
  private static boolean deadOnThisHost(String[] holder) {
    if (holder.length < 2) {
      return false;
    }
    String prefix = host().substring(0, host().lastIndexOf(" pid ") + 5);
    if (!holder[1].startsWith(prefix)) {
      return false;
    }
    long pid = parse(holder[1].substring(prefix.length()));
    return pid > 0 && ProcessHandle.of(pid).map(process -> !process.isAlive()).orElse(true);
  }

  private static boolean tryCreate(FileSystem fs, Path path, String text) throws IOException {
    if ("file".equals(path.toUri().getScheme())) {
      try {
        Files.createDirectories(Paths.get(path.getParent().toUri()));
        Files.writeString(
            Paths.get(path.toUri()),
            text,
            StandardCharsets.UTF_8,
            java.nio.file.StandardOpenOption.CREATE_NEW,
            java.nio.file.StandardOpenOption.WRITE);
        return true;
      } catch (FileAlreadyExistsException e) {
        return false;
      }
    }
    if (fs.exists(path)) {
      return false;
    }
    try (OutputStream out = fs.create(path, false)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      return true;
    } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
      return false;
    }
  }

  private static String[] read(FileSystem fs, Path path) {
    try (InputStream in = fs.open(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
    } catch (IOException e) {
      return new String[0];
    }
  }

  private static long parse(String text) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName() + " pid " + ProcessHandle.current().pid();
    } catch (IOException e) {
      return "unknown host pid " + ProcessHandle.current().pid();
    }
  }

  private void beat() {
    try {
      OutputFiles.writeString(fs, path, content + Instant.now().toEpochMilli() + "\n");
    } catch (IOException e) {
      // A missed heartbeat only makes the lock look older; the next one retries.
    }
  }

  @Override
  public void close() throws IOException {
    heartbeat.shutdownNow();
    fs.delete(path, false);
  }
}
