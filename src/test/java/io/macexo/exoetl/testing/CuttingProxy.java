package io.macexo.exoetl.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on loopback in front of an HTTP server (an S3 store) that cuts the connection after
 * some bytes of the response to any {@code GET} whose request line holds a marker: an object read
 * that fails halfway, every time, after the client's retries too. It forwards raw bytes, so a
 * request signed for the proxy's host and port (AWS signature v4 signs the Host header) reaches the
 * server as signed. Requests without the marker pass untouched. One thread per direction per
 * connection; fine for a test's few connections.
 */
public final class CuttingProxy implements AutoCloseable {
  private final ServerSocket server;
  private final URI target;
  private final String marker;
  private final long cutAfter;
  private final AtomicInteger cuts = new AtomicInteger();

  private CuttingProxy(ServerSocket server, URI target, String marker, long cutAfter) {
    this.server = server;
    this.target = target;
    this.marker = marker;
    this.cutAfter = cutAfter;
  }

  /**
   * Starts a proxy to {@code target} ({@code http://host:port}) that cuts responses to GETs whose
   * request line contains {@code marker}, after {@code cutAfter} bytes of the response.
   */
  public static CuttingProxy start(URI target, String marker, long cutAfter) throws IOException {
    ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    CuttingProxy proxy = new CuttingProxy(server, target, marker, cutAfter);
    Thread accept = new Thread(proxy::acceptLoop, "cutting-proxy-accept");
    accept.setDaemon(true);
    accept.start();
    return proxy;
  }

  /** Where clients connect instead of the target. */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  /** How many responses were cut so far. */
  public int cuts() {
    return cuts.get();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(target.getHost(), target.getPort());
        Connection connection = new Connection(client, upstream);
        daemon("cutting-proxy-request", connection::forwardRequests);
        daemon("cutting-proxy-response", connection::forwardResponses);
      } catch (IOException closed) {
        return;
      }
    }
  }

  private static void daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** One client connection and its upstream twin. */
  private final class Connection {
    private final Socket client;
    private final Socket upstream;

    /** Bytes of response still allowed before the cut; negative while no marked GET is pending. */
    private final AtomicLong allowance = new AtomicLong(-1);

    Connection(Socket client, Socket upstream) {
      this.client = client;
      this.upstream = upstream;
    }

    void forwardRequests() {
      byte[] buffer = new byte[16 * 1024];
      try (InputStream in = client.getInputStream();
          OutputStream out = upstream.getOutputStream()) {
        for (int n; (n = in.read(buffer)) >= 0; ) {
          if (isMarkedGet(buffer, n)) {
            allowance.set(cutAfter);
          }
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException closed) {
        // The other direction closed both sockets, or the client went away.
      } finally {
        closeBoth();
      }
    }

    void forwardResponses() {
      byte[] buffer = new byte[16 * 1024];
      try (InputStream in = upstream.getInputStream();
          OutputStream out = client.getOutputStream()) {
        for (int n; (n = in.read(buffer)) >= 0; ) {
          long allowed = allowance.get();
          if (allowed >= 0 && n >= allowed) {
            out.write(buffer, 0, (int) allowed);
            out.flush();
            cuts.incrementAndGet();
            // A reset, not a clean end: the client sees its read fail mid-body.
            client.setSoLinger(true, 0);
            return;
          }
          if (allowed >= 0) {
            allowance.addAndGet(-n);
          }
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException closed) {
        // The client went away.
      } finally {
        closeBoth();
      }
    }

    private boolean isMarkedGet(byte[] buffer, int length) {
      String head = new String(buffer, 0, Math.min(length, 2048), StandardCharsets.ISO_8859_1);
      int lineEnd = head.indexOf('\r');
      String requestLine = lineEnd < 0 ? head : head.substring(0, lineEnd);
      return requestLine.startsWith("GET ") && requestLine.contains(marker);
    }

    private void closeBoth() {
      try {
        client.close();
      } catch (IOException ignored) {
        // Already closed.
      }
      try {
        upstream.close();
      } catch (IOException ignored) {
        // Already closed.
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
