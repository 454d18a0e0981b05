package io.macexo.exoetl.pipeline;

import io.macexo.exoetl.testing.S3Endpoint;
import io.macexo.exoetl.testing.S3ProxyServer;
import java.nio.file.Path;

/**
 * The S3 contract against S3Proxy, a real S3 server started by the test as its own JVM on a free
 * loopback port: runs on every build, Docker or not.
 */
class S3ProxyPrepareTest extends S3PrepareContract {
  private S3ProxyServer server;

  @Override
  protected S3Endpoint startStore(Path workDir) throws Exception {
    server = S3ProxyServer.start(workDir);
    return server.endpoint();
  }

  @Override
  protected void stopStore() throws Exception {
    if (server != null) {
      server.close();
    }
  }
}
