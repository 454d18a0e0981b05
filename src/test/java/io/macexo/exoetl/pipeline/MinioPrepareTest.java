package io.macexo.exoetl.pipeline;

import io.macexo.exoetl.testing.S3Endpoint;
import java.net.URI;
import java.nio.file.Path;
import java.util.UUID;
import org.testcontainers.containers.MinIOContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * The S3 contract against MinIO in a container (Testcontainers). Skipped where no Docker engine
 * runs (this class is then reported as skipped); runs in the GitHub workflow, whose runners have
 * Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
class MinioPrepareTest extends S3PrepareContract {
  /** The release docker/compose.yml uses too. */
  private static final DockerImageName IMAGE =
      DockerImageName.parse("quay.io/minio/minio:RELEASE.2025-04-22T22-12-26Z")
          .asCompatibleSubstituteFor("minio/minio");

  @Container
  private static final MinIOContainer MINIO =
      new MinIOContainer(IMAGE)
          .withUserName("exo-test")
          .withPassword("secret-" + UUID.randomUUID());

  @Override
  protected S3Endpoint startStore(Path workDir) {
    return new S3Endpoint(URI.create(MINIO.getS3URL()), MINIO.getUserName(), MINIO.getPassword());
  }

  @Override
  protected void stopStore() {
    // The Testcontainers extension stops the container after the class.
  }
}
