package io.macexo.exoetl.hub;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A failure talking to the Hub or reading the output, as one line: "Cannot &lt;do X&gt;:
 * &lt;reason&gt;". The CLI prints {@link #getMessage()} as is, so every factory here names the file
 * or repo the step was about and, for HTTP failures, the Hub's {@code X-Error-Code}, {@code
 * X-Error-Message} and {@code X-Request-Id}. This is the one place that words sync errors; the
 * token never reaches it (see {@link HubToken#redact}).
 */
public final class HubException extends io.macexo.exoetl.model.ExoEtlException {
  /**
   * HTTP status of the failed call, or 0 when it never got an answer (network error) or is local.
   */
  private final int status;

  private final String errorCode;

  /** True when the request got no answer, so the server may or may not have acted on it. */
  private final boolean network;

  /** The error answer's headers (names in lower case), empty for network and local failures. */
  private final Map<String, List<String>> headers;

  private HubException(
      String message,
      int status,
      String errorCode,
      boolean network,
      Map<String, List<String>> headers,
      Throwable cause) {
    super(message, cause);
    this.status = status;
    this.errorCode = errorCode;
    this.network = network;
    this.headers = Map.copyOf(headers);
  }

  /**
   * A failure of the sync itself, not of a request (bad output folder, inconsistent server answer).
   */
  public static HubException local(String action, String reason) {
    return new HubException("Cannot " + action + ": " + reason, 0, null, false, Map.of(), null);
  }

  /** A failure of the sync itself caused by an I/O error on the output folder. */
  public static HubException local(String action, IOException cause) {
    return new HubException(
        "Cannot " + action + ": " + describe(cause), 0, null, false, Map.of(), cause);
  }

  /**
   * The Hub answered with an error status.
   *
   * @param action what was being done, with the file or repo, e.g. "upload data/x.parquet"
   * @param errorMessage {@code X-Error-Message} or the JSON body's {@code error}; may be null
   * @param headers the answer's headers, names in lower case (kept for rate-limit hints)
   */
  public static HubException http(
      String action,
      int status,
      String errorCode,
      String errorMessage,
      String requestId,
      Map<String, List<String>> headers) {
    StringBuilder text =
        new StringBuilder("Cannot ").append(action).append(": HTTP ").append(status);
    if (errorCode != null && !errorCode.isBlank()) {
      text.append(" ").append(errorCode);
    }
    if (errorMessage != null && !errorMessage.isBlank()) {
      text.append(": ").append(errorMessage.lines().findFirst().orElse("").trim());
    }
    if (requestId != null && !requestId.isBlank()) {
      text.append(" (request id ").append(requestId).append(")");
    }
    if (status == 401) {
      text.append("; check the token (HF_TOKEN, HUGGING_FACE_HUB_TOKEN or the token file)");
    }
    return new HubException(text.toString(), status, errorCode, false, headers, null);
  }

  /**
   * The Hub kept answering "rate limited" for longer than the sync waits: nothing is lost, and the
   * same command finishes the job later.
   */
  public static HubException rateLimited(
      String action,
      int status,
      RateLimitHint hint,
      Duration cap,
      Map<String, List<String>> headers) {
    return new HubException(
        "Cannot "
            + action
            + ": rate limited by the Hub (HTTP "
            + status
            + ", "
            + hint.reason()
            + "), longer than sync waits in all ("
            + cap.toSeconds()
            + " s, --max-rate-limit-wait); nothing is lost: run the same command again later to"
            + " finish",
        status,
        null,
        false,
        headers,
        null);
  }

  /** The request got no answer: connection refused or dropped, timeout. */
  public static HubException network(String action, IOException cause) {
    return new HubException(
        "Cannot " + action + ": network error: " + describe(cause), 0, null, true, Map.of(), cause);
  }

  /** The same failure with a hint for the person appended: "...; hint". */
  public HubException withHint(String hint) {
    return new HubException(
        getMessage() + "; " + hint, status, errorCode, network, headers, getCause());
  }

  /** The HTTP status, or 0 for a network or local failure. */
  public int status() {
    return status;
  }

  /** The Hub's {@code X-Error-Code} header, or null. */
  public String errorCode() {
    return errorCode;
  }

  /** True when the request got no answer, so the server may or may not have acted on it. */
  public boolean isNetwork() {
    return network;
  }

  /** The error answer's headers, names in lower case; empty without an answer. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** What the answer's headers ask the client to wait, if anything. */
  public Optional<RateLimitHint> rateLimitHint() {
    return RateLimitHint.of(status, headers);
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    String name = e.getClass().getSimpleName();
    return message == null || message.isBlank()
        ? name
        : name + ": " + message.lines().findFirst().orElse("");
  }
}
