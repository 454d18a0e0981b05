package io.macexo.exoetl.hub.devhub;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The tests' fault injection for the dev-hub: plays a {@link Failure} on chosen requests to a route
 * (an error status, the Hub's rate limit, a stall, a dropped connection, an action run first), and,
 * when asked, serves the control routes of {@link DevHubAdmin} so that tests outside this JVM (the
 * Python suite, through {@link FaultyDevHub}) can do the same. Test code only: the product's
 * dev-hub has no faults.
 */
public final class Faults implements Interceptor {
  private record Injection(Route route, AtomicInteger seen, int from, int to, Failure failure) {}

  private final List<Injection> injections = new CopyOnWriteArrayList<>();
  private volatile DevHubAdmin admin;

  private Faults() {}

  /** The faults of a dev-hub, put in place the first time they are asked for. */
  public static synchronized Faults on(DevHubServer hub) {
    if (hub.interceptor() instanceof Faults faults) {
      return faults;
    }
    Faults faults = new Faults();
    hub.intercept(faults);
    return faults;
  }

  /** Plays a failure on the {@code k}-th request to a route, counted from now (1 = the next). */
  public void injectFailure(Route route, int k, Failure failure) {
    injectFailure(route, k, failure, 1);
  }

  /** Plays a failure on {@code times} requests in a row, from the {@code k}-th from now. */
  public void injectFailure(Route route, int k, Failure failure, int times) {
    if (k < 1 || times < 1) {
      throw new IllegalArgumentException(
          "Cannot inject a failure at request " + k + " for " + times + " requests");
    }
    injections.add(new Injection(route, new AtomicInteger(), k, k + times - 1, failure));
  }

  public void clearFailures() {
    injections.clear();
  }

  /** Serves the control routes under {@code /_dev-hub/} ({@link DevHubAdmin}). */
  public void serveAdmin(DevHubServer hub) {
    admin = new DevHubAdmin(hub, this);
  }

  @Override
  public boolean serves(HttpExchange exchange) throws IOException {
    DevHubAdmin routes = admin;
    return routes != null && routes.serves(exchange);
  }

  @Override
  public void handle(Call call) throws IOException {
    Failure failure = failureFor(call.route());
    if (failure == null) {
      call.send(call.answer());
      return;
    }
    switch (failure.kind()) {
      case DROP_CONNECTION -> throw call.drop();
      case STALL -> {
        failure.stall(call.exchange());
        throw call.drop();
      }
      case STATUS, RATE_LIMIT -> call.send(failure.response());
      case RUN_BEFORE -> {
        failure.action().run();
        call.send(call.answer());
      }
      case DROP_AFTER_HANDLING -> {
        call.answer();
        throw call.drop();
      }
      case STATUS_AFTER_HANDLING -> {
        call.answer();
        call.send(failure.response());
      }
    }
  }

  private Failure failureFor(Route route) {
    for (Injection injection : injections) {
      if (injection.route() == route) {
        int n = injection.seen().incrementAndGet();
        if (n >= injection.from() && n <= injection.to()) {
          return injection.failure();
        }
      }
    }
    return null;
  }
}
