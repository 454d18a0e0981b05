package io.macexo.exoetl.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Free TCP ports on 127.0.0.1 for the servers tests start (S3Proxy, a Spark master, workers). */
public final class LoopbackPorts {
  private LoopbackPorts() {}

  /**
   * A port free on loopback right now. Another process may take it before the server binds it; the
   * server then fails to start with a clear error, which is accepted for tests.
   */
  public static int free() throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      return socket.getLocalPort();
    }
  }
}
