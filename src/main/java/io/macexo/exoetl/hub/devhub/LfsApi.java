package io.macexo.exoetl.hub.devhub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.macexo.exoetl.hub.GitOids;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Git LFS over HTTP as the Hub serves it without Xet: the batch call ({@code basic} and the Hub's
 * {@code multipart} transfer), presigned storage URLs (HMAC-signed, no token, like S3 presigned
 * PUTs), part uploads answered with an ETag, the completion POST, and verify. A stored object is
 * answered without {@code actions}, so clients skip it.
 */
final class LfsApi {
  private final BlobStore blobs;
  private final DevHubOptions options;
  private final byte[] secret = new byte[32];

  LfsApi(BlobStore blobs, DevHubOptions options) {
    this.blobs = blobs;
    this.options = options;
    new SecureRandom().nextBytes(secret);
  }

  DevResponse batch(DevRequest request, DevRepo repo) {
    JsonNode body = request.json();
    String algo = body.path("hash_algo").asText("sha256");
    if (!body.path("operation").asText().equals("upload")
        || !(algo.equals("sha256") || algo.equals("sha_256"))) {
      throw new DevHubError(
          422, null, "The dev-hub serves LFS operation 'upload' with hash_algo sha256 only");
    }
    boolean multipart = false;
    for (JsonNode transfer : body.path("transfers")) {
      multipart |= transfer.asText().equals("multipart");
    }
    ObjectNode answer =
        DevRequest.JSON.createObjectNode().put("transfer", multipart ? "multipart" : "basic");
    ArrayNode objects = answer.putArray("objects");
    for (JsonNode object : body.path("objects")) {
      objects.add(
          answerFor(
              request,
              repo,
              object.path("oid").asText(),
              object.path("size").asLong(-1),
              multipart));
    }
    return DevResponse.json(answer).header("Content-Type", "application/vnd.git-lfs+json");
  }

  DevResponse upload(DevRequest request) {
    String oid = request.match.path();
    long size = signedSize(request, "put", oid, "");
    blobs.put(request.body(), size, oid);
    return DevResponse.empty(200).header("ETag", "\"" + oid + "\"");
  }

  DevResponse part(DevRequest request) {
    String oid = request.match.path();
    String part = request.match.detail();
    long size = signedSize(request, "part", oid, part);
    long offset = (Long.parseLong(part) - 1) * options.chunkSize();
    if (offset < 0 || offset >= size) {
      throw DevHubError.badRequest("Part " + part + " is outside object " + oid);
    }
    long length = Math.min(options.chunkSize(), size - offset);
    String etag = blobs.putPart(oid, Integer.parseInt(part), request.body(), length);
    return DevResponse.empty(200).header("ETag", etag);
  }

  DevResponse complete(DevRequest request) {
    String oid = request.match.path();
    long size = signedSize(request, "complete", oid, "");
    JsonNode body = request.json();
    long expected = (size + options.chunkSize() - 1) / options.chunkSize();
    List<String> etags = new ArrayList<>();
    for (JsonNode part : body.path("parts")) {
      if (part.path("partNumber").asInt() != etags.size() + 1) {
        throw DevHubError.badRequest("Parts must be listed in order 1.." + expected);
      }
      etags.add(part.path("etag").asText());
    }
    if (!oid.equals(body.path("oid").asText()) || etags.size() != expected) {
      throw DevHubError.badRequest(
          "Cannot complete " + oid + ": expected its oid and " + expected + " parts");
    }
    blobs.completeMultipart(oid, size, etags);
    return DevResponse.json(DevRequest.JSON.createObjectNode());
  }

  DevResponse verify(DevRequest request) {
    JsonNode body = request.json();
    String oid = body.path("oid").asText();
    long size = body.path("size").asLong(-1);
    if (!GitOids.isSha256(oid) || !blobs.has(oid, size)) {
      throw new DevHubError(
          404, null, "Object " + oid + " of " + size + " bytes is not in storage");
    }
    return DevResponse.json(DevRequest.JSON.createObjectNode().put("message", "ok"));
  }

  private ObjectNode answerFor(
      DevRequest request, DevRepo repo, String oid, long size, boolean multipart) {
    ObjectNode object = DevRequest.JSON.createObjectNode().put("oid", oid).put("size", size);
    if (!GitOids.isSha256(oid) || size < 0) {
      object.putObject("error").put("code", 422).put("message", "Invalid oid or size");
      return object;
    }
    object.put("authenticated", true);
    if (blobs.has(oid, size)) {
      return object;
    }
    ObjectNode actions = object.putObject("actions");
    String storage = request.baseUrl + "/lfs-storage/" + oid;
    if (multipart && size >= options.multipartThreshold()) {
      ObjectNode upload =
          actions
              .putObject("upload")
              .put("href", signed(storage + "/complete", "complete", oid, size, ""));
      ObjectNode header =
          upload.putObject("header").put("chunk_size", String.valueOf(options.chunkSize()));
      long parts = (size + options.chunkSize() - 1) / options.chunkSize();
      for (int part = 1; part <= parts; part++) {
        header.put(
            String.format("%05d", part),
            signed(storage + "/part/" + part, "part", oid, size, String.valueOf(part)));
      }
    } else {
      actions
          .putObject("upload")
          .put("href", signed(storage, "put", oid, size, ""))
          .putObject("header");
    }
    String git =
        request.baseUrl
            + "/"
            + repo.key.replaceFirst("/", "s/").replaceFirst("^models/", "")
            + ".git";
    actions.putObject("verify").put("href", git + "/info/lfs/objects/verify").putObject("header");
    return object;
  }

  private String signed(String url, String kind, String oid, long size, String part) {
    return url + "?size=" + size + "&sig=" + signature(kind, oid, size, part);
  }

  /** The size a storage URL was signed for; 403 when the signature does not match. */
  private long signedSize(DevRequest request, String kind, String oid, String part) {
    long size;
    try {
      size = Long.parseLong(request.param("size", "-1"));
    } catch (NumberFormatException e) {
      size = -1;
    }
    if (size < 0 || !signature(kind, oid, size, part).equals(request.param("sig", ""))) {
      throw new DevHubError(403, null, "Invalid or missing storage signature");
    }
    return size;
  }

  private String signature(String kind, String oid, long size, String part) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      String text = kind + ":" + oid + ":" + size + ":" + options.chunkSize() + ":" + part;
      return GitOids.hex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The JDK has no HmacSHA256", e);
    }
  }
}
