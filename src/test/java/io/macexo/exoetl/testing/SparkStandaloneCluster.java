package io.macexo.exoetl.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spark standalone cluster on loopback made of separate JVMs from the Maven build's jars: one
 * master and a number of workers (each with its own web UI port and work folder), whose executors
 * are JVMs the workers start. Workers need a Spark home, so one is built under the work folder: a
 * {@code jars/} folder of links to {@code target/lib}.
 *
 * <p>{@link #close} stops the workers (and so their executors) and then the master, each as a
 * process tree; the logs stay in the work folder for a failed build to show.
 */
public final class SparkStandaloneCluster implements AutoCloseable {
  private static final String MASTER_CLASS = "org.apache.spark.deploy.master.Master";
  private static final String WORKER_CLASS = "org.apache.spark.deploy.worker.Worker";
  private static final String SUBMIT_CLASS = "org.apache.spark.deploy.SparkSubmit";
  private static final Pattern ALIVE_WORKERS = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  private final Path workDir;
  private final Path sparkHome;
  private final int masterPort;
  private final int masterWebPort;
  private final List<ChildProcess> processes = new ArrayList<>();

  private SparkStandaloneCluster(Path workDir, Path sparkHome, int masterPort, int masterWebPort) {
    this.workDir = workDir;
    this.sparkHome = sparkHome;
    this.masterPort = masterPort;
    this.masterWebPort = masterWebPort;
  }

  /**
   * Starts a master and {@code workers} workers of one core and {@code workerMemory} each, and
   * waits until the master counts them all alive.
   */
  public static SparkStandaloneCluster start(Path workDir, int workers, String workerMemory)
      throws IOException, InterruptedException {
    Path sparkHome = sparkHome(workDir.resolve("spark-home"));
    SparkStandaloneCluster cluster =
        new SparkStandaloneCluster(workDir, sparkHome, LoopbackPorts.free(), LoopbackPorts.free());
    try {
      cluster.startMaster();
      for (int index = 1; index <= workers; index++) {
        cluster.startWorker(index, workerMemory);
      }
      cluster.awaitAliveWorkers(workers);
      return cluster;
    } catch (IOException | InterruptedException | RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  public String masterUrl() {
    return "spark://127.0.0.1:" + masterPort;
  }

  /**
   * Starts {@code spark-submit --deploy-mode client} of the application jar: the driver runs in the
   * submitting JVM, the executors on the workers.
   *
   * @param sparkConf extra {@code --conf} settings
   * @param arguments the application's arguments (e.g. {@code prepare --input ...})
   */
  public ChildProcess submit(String name, Map<String, String> sparkConf, List<String> arguments)
      throws IOException {
    List<String> submit = new ArrayList<>();
    submit.addAll(List.of("--master", masterUrl(), "--deploy-mode", "client"));
    submit.addAll(List.of("--conf", "spark.driver.host=127.0.0.1"));
    submit.addAll(List.of("--conf", "spark.driver.bindAddress=127.0.0.1"));
    submit.addAll(List.of("--conf", "spark.ui.enabled=false"));
    sparkConf.forEach((key, value) -> submit.addAll(List.of("--conf", key + "=" + value)));
    submit.addAll(List.of("--class", ExoEtlBuild.MAIN_CLASS, ExoEtlBuild.appJar().toString()));
    submit.addAll(arguments);
    ProcessBuilder builder = daemon("1g", SUBMIT_CLASS, submit);
    ChildProcess process = ChildProcess.start(name, builder, workDir.resolve(name + ".log"));
    processes.add(process);
    return process;
  }

  /** The executor folders the workers made ({@code worker-N/app-.../E}): proof executors ran. */
  public List<Path> executorFolders() throws IOException {
    List<Path> folders = new ArrayList<>();
    try (var walk = Files.walk(workDir, 3)) {
      walk.filter(Files::isDirectory)
          .filter(path -> path.getParent().getFileName().toString().startsWith("app-"))
          .forEach(folders::add);
    }
    return folders;
  }

  private void startMaster() throws IOException {
    List<String> arguments =
        List.of(
            "--host",
            "127.0.0.1",
            "--port",
            Integer.toString(masterPort),
            "--webui-port",
            Integer.toString(masterWebPort));
    processes.add(
        ChildProcess.start(
            "master", daemon("512m", MASTER_CLASS, arguments), workDir.resolve("master.log")));
  }

  private void startWorker(int index, String memory) throws IOException {
    Path folder = Files.createDirectories(workDir.resolve("worker-" + index));
    List<String> arguments =
        List.of(
            masterUrl(),
            "--host",
            "127.0.0.1",
            "--cores",
            "1",
            "--memory",
            memory,
            "--webui-port",
            Integer.toString(LoopbackPorts.free()),
            "--work-dir",
            folder.toString());
    processes.add(
        ChildProcess.start(
            "worker-" + index,
            daemon("512m", WORKER_CLASS, arguments),
            workDir.resolve("worker-" + index + ".log")));
  }

  /** A JVM on the library class path with the Spark home the workers need. */
  private ProcessBuilder daemon(String heap, String mainClass, List<String> arguments) {
    ProcessBuilder builder =
        JavaCommand.spark(
            heap, List.of(ExoEtlBuild.libDir().resolve("*").toString()), mainClass, arguments);
    builder.environment().put("SPARK_HOME", sparkHome.toString());
    builder.environment().put("SPARK_SCALA_VERSION", "2.13");
    return builder;
  }

  private void awaitAliveWorkers(int expected) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterWebPort + "/json/"))
            .timeout(Duration.ofSeconds(5))
            .build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    int alive = 0;
    while (System.nanoTime() < deadline) {
      for (ChildProcess process : processes) {
        if (!process.isAlive()) {
          throw new IOException(
              process.name() + " exited at start; its output:\n" + process.tail(40));
        }
      }
      try {
        Matcher matcher =
            ALIVE_WORKERS.matcher(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        alive = matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
        if (alive >= expected) {
          return;
        }
      } catch (IOException notUpYet) {
        // The master's web UI is not listening yet.
      }
      Thread.sleep(250);
    }
    throw new IOException(
        alive
            + " of "
            + expected
            + " workers registered within "
            + START_TIMEOUT
            + "; logs in "
            + workDir);
  }

  /** Links (or, where links are not allowed, copies) every runtime jar into {@code home/jars}. */
  private static Path sparkHome(Path home) throws IOException {
    Path jars = Files.createDirectories(home.resolve("jars"));
    for (Path jar : ExoEtlBuild.libJars()) {
      Path link = jars.resolve(jar.getFileName());
      if (Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      try {
        Files.createSymbolicLink(link, jar.toAbsolutePath());
      } catch (UnsupportedOperationException | IOException noLinks) {
        Files.copy(jar, link);
      }
    }
    return home;
  }

  /** Stops every process this cluster started, newest first (submissions, workers, master). */
  @Override
  public void close() throws InterruptedException {
    for (int index = processes.size() - 1; index >= 0; index--) {
      processes.get(index).close();
    }
  }
}
