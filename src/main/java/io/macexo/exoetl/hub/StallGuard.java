package io.macexo.exoetl.hub;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends one request and cuts it when it stops moving: the read timeout ({@link HubTimeouts#read()})
 * counts from the last progress (a chunk of the request body taken by the connection, the end of
 * the body, a chunk of the answer), so a long healthy upload never times out while a stalled one is
 * cancelled and surfaces as an {@link HttpTimeoutException}, which {@link HubHttp} retries like any
 * network error. The JDK's own request timeout would count from the start, which no single value
 * fits for both a tree page and a 5 GB PUT. One timer thread per client checks the requests in
 * flight.
 */
final class StallGuard {
  private final HttpClient client;
  private final Duration read;
  private final ScheduledExecutorService timer;

  StallGuard(HttpClient client, Duration read) {
    this.client = client;
    this.read = read;
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(
            1,
            runnable -> {
              Thread thread = new Thread(runnable, "exo-etl-sync-timeouts");
              thread.setDaemon(true);
              return thread;
            });
    // Finished requests' checks leave the queue at once, and an idle client keeps no thread.
    executor.setRemoveOnCancelPolicy(true);
    executor.setKeepAliveTime(5, TimeUnit.SECONDS);
    executor.allowCoreThreadTimeOut(true);
    this.timer = executor;
  }

  /** Sends a request; throws {@link HttpTimeoutException} when it made no progress for too long. */
  HttpResponse<byte[]> send(HttpRequest request) throws IOException {
    AtomicLong last = new AtomicLong(System.nanoTime());
    Runnable touch = () -> last.set(System.nanoTime());
    CompletableFuture<HttpResponse<byte[]>> answer =
        client.sendAsync(
            tracked(request, touch),
            info -> new TrackedAnswer(HttpResponse.BodySubscribers.ofByteArray(), touch));
    AtomicBoolean stalled = new AtomicBoolean();
    ScheduledFuture<?> check = watch(answer, last, stalled);
    try {
      return answer.get();
    } catch (CancellationException | ExecutionException e) {
      if (stalled.get()) {
        throw new HttpTimeoutException(
            "no progress for " + Waiter.seconds(read) + " (stalled; --read-timeout)");
      }
      throw unwrap(e instanceof ExecutionException ? e.getCause() : e);
    } catch (InterruptedException e) {
      answer.cancel(true);
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      check.cancel(false);
    }
  }

  /** The request with its body (if any) noting each chunk the connection takes. */
  private static HttpRequest tracked(HttpRequest request, Runnable touch) {
    return request
        .bodyPublisher()
        .map(
            body ->
                HttpRequest.newBuilder(request, (name, value) -> true)
                    .method(request.method(), new TrackedBody(body, touch))
                    .build())
        .orElse(request);
  }

  /** Cancels the answer once it has gone without progress for longer than the read timeout. */
  private ScheduledFuture<?> watch(
      CompletableFuture<?> answer, AtomicLong last, AtomicBoolean stalled) {
    long period = Math.max(20, Math.min(1000, read.toMillis() / 4));
    return timer.scheduleAtFixedRate(
        () -> {
          if (System.nanoTime() - last.get() > read.toNanos()) {
            stalled.set(true);
            answer.cancel(true);
          }
        },
        period,
        period,
        TimeUnit.MILLISECONDS);
  }

  private static IOException unwrap(Throwable cause) {
    if (cause instanceof IOException io) {
      return io;
    }
    if (cause instanceof RuntimeException runtime) {
      throw runtime;
    }
    return new IOException(String.valueOf(cause), cause);
  }

  /** A request body that notes each chunk the connection takes, and its end. */
  private record TrackedBody(HttpRequest.BodyPublisher body, Runnable touch)
      implements HttpRequest.BodyPublisher {
    @Override
    public long contentLength() {
      return body.contentLength();
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
      body.subscribe(
          new Flow.Subscriber<ByteBuffer>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
              subscriber.onSubscribe(subscription);
            }

            @Override
            public void onNext(ByteBuffer item) {
              touch.run();
              subscriber.onNext(item);
            }

            @Override
            public void onError(Throwable throwable) {
              subscriber.onError(throwable);
            }

            @Override
            public void onComplete() {
              touch.run();
              subscriber.onComplete();
            }
          });
    }
  }

  /** An answer body that notes each chunk received. */
  private record TrackedAnswer(HttpResponse.BodySubscriber<byte[]> body, Runnable touch)
      implements HttpResponse.BodySubscriber<byte[]> {
    @Override
    public CompletionStage<byte[]> getBody() {
      return body.getBody();
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      touch.run();
      body.onSubscribe(subscription);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
      touch.run();
      body.onNext(item);
    }

    @Override
    public void onError(Throwable throwable) {
      body.onError(throwable);
    }

    @Override
    public void onComplete() {
      body.onComplete();
    }
  }
}
