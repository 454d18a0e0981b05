package io.macexo.exoetl.hub;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Puts the bytes of LFS files in storage before any commit names them: LFS batch calls for a
 * participant's files ({@value #BATCH_OBJECTS} objects a call), then for each object the storage
 * does not hold a single PUT, or a multipart upload (a PUT per {@code chunk_size} slice, then the
 * completion POST), then the verify POST when the answer has one. An object without an upload
 * action is already stored and is not sent again, which is what makes a killed sync cheap to
 * resume. Objects are sent on the executor given to {@link #start} (several at a time); the batch
 * call itself runs on the caller's thread. Any failure fails the future, naming the file, and
 * {@link CommitLoop} then commits nothing that needs it.
 */
final class LfsUploader {
  /** Objects per LFS batch call, as huggingface_hub sends them. */
  static final int BATCH_OBJECTS = 256;

  private final LfsClient client;
  private final RepoId repo;
  private final String revision;
  private final SyncProgress progress;
  private final AtomicInteger uploadedFiles = new AtomicInteger();
  private final AtomicLong uploadedBytes = new AtomicLong();
  private final AtomicInteger alreadyStored = new AtomicInteger();
  private final AtomicLong firstStart = new AtomicLong(Long.MAX_VALUE);
  private final AtomicLong lastEnd = new AtomicLong(Long.MIN_VALUE);

  LfsUploader(LfsClient client, RepoId repo, String revision, SyncProgress progress) {
    this.client = client;
    this.repo = repo;
    this.revision = revision;
    this.progress = progress;
  }

  /**
   * Asks LFS about the files' objects and starts sending the missing ones on {@code executor}.
   *
   * @return completes when storage holds every object; fails with the {@link HubException} of the
   *     first object that could not be stored
   */
  CompletableFuture<Void> start(List<LocalFile> files, Executor executor) {
    Map<String, LocalFile> byOid = new LinkedHashMap<>();
    files.forEach(file -> byOid.putIfAbsent(file.sha256(), file));
    if (byOid.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    List<LocalFile> unique = new ArrayList<>(byOid.values());
    String action =
        "upload "
            + unique.get(0).path()
            + (unique.size() > 1 ? " and " + (unique.size() - 1) + " more" : "");
    Map<String, LfsObject> answers = ask(unique, "ask LFS where to " + action);
    List<CompletableFuture<Void>> uploads = new ArrayList<>();
    for (LocalFile file : unique) {
      LfsObject answer = answers.get(file.sha256());
      if (answer == null) {
        throw HubException.local(
            "upload " + file.path(),
            "the LFS batch answer does not mention its object " + file.sha256());
      }
      uploads.add(CompletableFuture.runAsync(() -> store(file, answer), executor));
    }
    return CompletableFuture.allOf(uploads.toArray(CompletableFuture[]::new));
  }

  /** The LFS batch answers for the files' objects, by oid. */
  private Map<String, LfsObject> ask(List<LocalFile> unique, String action) {
    Map<String, LfsObject> answers = new LinkedHashMap<>();
    for (int from = 0; from < unique.size(); from += BATCH_OBJECTS) {
      List<LocalFile> chunk = unique.subList(from, Math.min(unique.size(), from + BATCH_OBJECTS));
      client.batch(repo, revision, chunk, action).forEach(o -> answers.put(o.oid(), o));
    }
    return answers;
  }

  int uploadedFiles() {
    return uploadedFiles.get();
  }

  long uploadedBytes() {
    return uploadedBytes.get();
  }

  int alreadyStored() {
    return alreadyStored.get();
  }

  /** Wall time from the first upload's start to the last one's end (uploads overlap), or zero. */
  java.time.Duration transferTime() {
    long span = lastEnd.get() - firstStart.get();
    return span > 0 ? java.time.Duration.ofNanos(span) : java.time.Duration.ZERO;
  }

  private void store(LocalFile file, LfsObject answer) {
    if (answer.error() != null) {
      throw HubException.local(
          "upload " + file.path(), "LFS refused object " + file.sha256() + ": " + answer.error());
    }
    if (answer.alreadyStored()) {
      alreadyStored.incrementAndGet();
      progress.alreadyStored(file.path());
      return;
    }
    long start = System.nanoTime();
    firstStart.accumulateAndGet(start, Math::min);
    LfsObject.Action upload = answer.upload();
    boolean multipart = upload.header().containsKey("chunk_size");
    if (multipart) {
      uploadParts(file, upload);
    } else {
      client.putBytes(
          "upload " + file.path(), upload.href(), upload.header(), file.source(), 0, file.size());
    }
    answer.verifyAction().ifPresent(verify -> verify(file, verify));
    uploadedFiles.incrementAndGet();
    uploadedBytes.addAndGet(file.size());
    lastEnd.accumulateAndGet(System.nanoTime(), Math::max);
    progress.fileDone(
        file.path(),
        file.size(),
        System.nanoTime() - start,
        multipart ? "multipart" : "single part");
  }

  private void uploadParts(LocalFile file, LfsObject.Action upload) {
    long chunk = parseChunkSize(file, upload.header().get("chunk_size"));
    List<String> keys =
        upload.header().keySet().stream()
            .filter(key -> key.matches("\\d+"))
            .sorted(Comparator.comparingInt(Integer::parseInt))
            .toList();
    long expected = (file.size() + chunk - 1) / chunk;
    if (keys.size() != expected) {
      throw HubException.local(
          "upload " + file.path(),
          "the Hub offered "
              + keys.size()
              + " part URLs for "
              + expected
              + " parts of "
              + chunk
              + " bytes");
    }
    ObjectNode completion = client.newObject().put("oid", file.sha256());
    ArrayNode parts = completion.putArray("parts");
    for (String key : keys) {
      int number = Integer.parseInt(key);
      long offset = (number - 1) * chunk;
      long length = Math.min(chunk, file.size() - offset);
      String action = "upload part " + number + "/" + keys.size() + " of " + file.path();
      String etag =
          client.putBytes(
              action,
              java.net.URI.create(upload.header().get(key)),
              Map.of(),
              file.source(),
              offset,
              length);
      if (etag.isEmpty()) {
        throw HubException.local(action, "the storage answer has no ETag");
      }
      parts.addObject().put("partNumber", number).put("etag", etag);
      progress.part(file.path(), number, keys.size(), length);
    }
    client.post(
        "complete the multipart upload of " + file.path(),
        upload.href(),
        upload.header(),
        completion,
        false);
  }

  private void verify(LocalFile file, LfsObject.Action verify) {
    ObjectNode body = client.newObject().put("oid", file.sha256()).put("size", file.size());
    client.post("verify the upload of " + file.path(), verify.href(), verify.header(), body, true);
  }

  private static long parseChunkSize(LocalFile file, String text) {
    try {
      long chunk = Long.parseLong(text.trim());
      if (chunk > 0) {
        return chunk;
      }
    } catch (NumberFormatException e) {
      // Reported below with the value.
    }
    throw HubException.local(
        "upload " + file.path(), "the Hub sent an invalid chunk_size '" + text + "'");
  }
}
