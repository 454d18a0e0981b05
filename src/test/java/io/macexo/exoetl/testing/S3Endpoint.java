package io.macexo.exoetl.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An S3-compatible server the tests talk to (S3Proxy or MinIO on loopback): its endpoint and one
 * access key pair. Gives the {@code fs.s3a.*} settings for Hadoop (with small retry limits, so a
 * failing call fails in seconds instead of retrying for minutes), creates buckets (S3A cannot) and
 * uploads fixtures with the AWS SDK.
 *
 * @param endpoint e.g. {@code http://127.0.0.1:41234}
 * @param accessKey the access key id
 * @param secretKey the secret key; never printed by {@link #toString}
 */
public record S3Endpoint(URI endpoint, String accessKey, String secretKey) {
  /** The region the SDK signs for; S3Proxy and MinIO accept any, AWS needs the bucket's. */
  public static final String REGION = "us-east-1";

  public S3Endpoint {
    if (!"http".equals(endpoint.getScheme())) {
      throw new IllegalArgumentException("endpoint must be a plain http URI, not " + endpoint);
    }
  }

  /** The S3A settings, keys without the {@code spark.hadoop.} prefix. */
  public Map<String, String> hadoopSettings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("fs.s3a.endpoint", endpoint.toString());
    settings.put("fs.s3a.endpoint.region", REGION);
    settings.put("fs.s3a.path.style.access", "true");
    settings.put("fs.s3a.connection.ssl.enabled", "false");
    settings.put(
        "fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
    settings.put("fs.s3a.access.key", accessKey);
    settings.put("fs.s3a.secret.key", secretKey);
    // A loopback server answers at once or never: fail fast instead of S3A's minutes of retries.
    settings.put("fs.s3a.attempts.maximum", "1");
    settings.put("fs.s3a.retry.limit", "1");
    settings.put("fs.s3a.retry.interval", "100ms");
    settings.put("fs.s3a.retry.throttle.limit", "1");
    settings.put("fs.s3a.connection.establish.timeout", "15s");
    settings.put("fs.s3a.connection.timeout", "30s");
    return settings;
  }

  /** The same settings as Spark configuration ({@code spark.hadoop.fs.s3a.*}). */
  public Map<String, String> sparkSettings() {
    Map<String, String> settings = new LinkedHashMap<>();
    hadoopSettings().forEach((key, value) -> settings.put("spark.hadoop." + key, value));
    return settings;
  }

  /** Creates a bucket (path-style, signed with this endpoint's keys). */
  public void createBucket(String bucket) {
    try (S3Client client = client()) {
      client.createBucket(request -> request.bucket(bucket));
    }
  }

  /**
   * Uploads every file under a local folder to {@code s3://bucket/prefix/<relative path>}, one PUT
   * each: a test fixture, several times faster than S3A's copy, which checks each target first.
   */
  public void upload(Path folder, String bucket, String prefix) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    try (S3Client client = client()) {
      for (Path file : files) {
        String key = prefix + "/" + folder.relativize(file).toString().replace('\\', '/');
        client.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromFile(file));
      }
    }
  }

  private S3Client client() {
    return S3Client.builder()
        .endpointOverride(endpoint)
        .region(Region.of(REGION))
        .forcePathStyle(true)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
        .build();
  }

  @Override
  public String toString() {
    return "S3Endpoint[" + endpoint + ", access key " + accessKey + "]";
  }
}
