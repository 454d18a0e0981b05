package io.macexo.exoetl.hub.devhub;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/**
 * What a test puts between a request and the dev-hub's answer: the tests' fault injection (error
 * statuses, rate limits, stalls, dropped connections) implements this, so none of it ships with the
 * product. Without one, every request is answered as the Hub would.
 */
public interface Interceptor {
  /**
   * Serves a request entirely itself (a test's own control routes), before it is counted or logged;
   * false for every request of the Hub's protocol.
   */
  default boolean serves(HttpExchange exchange) throws IOException {
    return false;
  }

  /** Answers one counted request: as the Hub would with {@code call.send(call.answer())}. */
  void handle(Call call) throws IOException;

  /** One request to the dev-hub, as an interceptor sees it. */
  interface Call {
    Route route();

    HttpExchange exchange();

    /** Handles the request (it takes effect) and returns the answer, without sending it. */
    DevResponse answer();

    void send(DevResponse response) throws IOException;

    /** Closes the connection without an answer; throw what it returns. */
    RuntimeException drop();
  }
}
