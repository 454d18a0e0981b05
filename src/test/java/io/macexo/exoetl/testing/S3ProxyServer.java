package io.macexo.exoetl.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * A real S3 server on loopback for tests: S3Proxy ({@code org.gaul:s3proxy}, its {@code
 * jar-with-dependencies}, copied to {@code target/s3proxy/} by the pom) with the in-memory {@code
 * transient} store, AWS signature v2 and v4, and a fresh random key pair. It runs as a separate JVM
 * because in the test JVM its Jetty 12, Jackson and AWS SDK versions clash with Spark's.
 *
 * <p>Start it once per test class and {@link #close} it in {@code @AfterAll}; it takes about two
 * seconds to start and holds everything in its own heap (tests keep their data to a few MB).
 */
public final class S3ProxyServer implements AutoCloseable {
  /** The system property naming S3Proxy's jar; the pom sets it for surefire and failsafe. */
  public static final String JAR_PROPERTY = "exo.s3proxy.jar";

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final ChildProcess process;
  private final S3Endpoint endpoint;

  private S3ProxyServer(ChildProcess process, S3Endpoint endpoint) {
    this.process = process;
    this.endpoint = endpoint;
  }

  /** Starts S3Proxy on a free loopback port, its configuration and log under {@code workDir}. */
  public static S3ProxyServer start(Path workDir) throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty(JAR_PROPERTY, "target/s3proxy/s3proxy.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "S3Proxy jar not found at " + jar + ": run the tests through Maven (mvn test)");
    }
    int port = LoopbackPorts.free();
    S3Endpoint endpoint =
        new S3Endpoint(
            URI.create("http://127.0.0.1:" + port),
            "exo-test-" + UUID.randomUUID().toString().substring(0, 8),
            "secret-" + UUID.randomUUID());
    Path properties = workDir.resolve("s3proxy.properties");
    Files.createDirectories(workDir);
    Files.writeString(
        properties,
        String.join(
            "\n",
            "s3proxy.endpoint=" + endpoint.endpoint(),
            "s3proxy.authorization=aws-v2-or-v4",
            "s3proxy.identity=" + endpoint.accessKey(),
            "s3proxy.credential=" + endpoint.secretKey(),
            "jclouds.provider=transient",
            "jclouds.identity=" + endpoint.accessKey(),
            "jclouds.credential=" + endpoint.secretKey(),
            ""),
        StandardCharsets.UTF_8);
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx512m",
            "-jar",
            jar.toString(),
            "--properties",
            properties.toString());
    // S3Proxy's logback prints a status line per request at the default level.
    builder.environment().put("LOG_LEVEL", "warn");
    ChildProcess process = ChildProcess.start("S3Proxy", builder, workDir.resolve("s3proxy.log"));
    S3ProxyServer server = new S3ProxyServer(process, endpoint);
    try {
      server.awaitListening(port);
    } catch (IOException | RuntimeException | InterruptedException e) {
      server.close();
      throw e;
    }
    return server;
  }

  public S3Endpoint endpoint() {
    return endpoint;
  }

  private void awaitListening(int port) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("S3Proxy exited at start; its output:\n" + process.tail(40));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new IOException(
        "S3Proxy did not listen on port "
            + port
            + " within "
            + START_TIMEOUT
            + "; its output:\n"
            + process.tail(40));
  }

  @Override
  public void close() throws InterruptedException {
    process.close();
  }
}
