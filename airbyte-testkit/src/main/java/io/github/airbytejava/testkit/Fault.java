package io.github.airbytejava.testkit;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Something going wrong on the way to the fake Airbyte, for one or more requests. Queue faults with
 * {@code fake.faults().next(...)}; each request takes the first queued fault that applies to it.
 *
 * <pre>{@code
 * fake.faults().next(Fault.status(429).retryAfterSeconds(2));          // the next request, whatever it is
 * fake.faults().next(Fault.status(503).on("POST", "/jobs").times(2));  // the next two POST /jobs
 * fake.faults().next(Fault.disconnectAfterProcessing().on("POST", "/jobs"));
 * }</pre>
 *
 * <p>Instances are immutable: {@link #on}, {@link #times} and the other modifiers return a new fault.
 */
public final class Fault {

  enum Kind { STATUS, SLOW, DISCONNECT, DISCONNECT_BEFORE_BODY, DISCONNECT_AFTER_PROCESSING }

  final Kind kind;
  final int status;
  final long retryAfterSeconds;
  final String contentType;
  final String body;
  final Duration delay;
  final String method;
  final String pathPattern;
  final int times;

  private Fault(Kind kind, int status, long retryAfterSeconds, String contentType, String body, Duration delay,
      String method, String pathPattern, int times) {
    this.kind = kind;
    this.status = status;
    this.retryAfterSeconds = retryAfterSeconds;
    this.contentType = contentType;
    this.body = body;
    this.delay = delay;
    this.method = method;
    this.pathPattern = pathPattern;
    this.times = times;
  }

  /**
   * Answers with this status and a problem body ({@code status, type, title, detail}, {@code application/json}),
   * as the real server does, without acting on the request.
   */
  public static Fault status(int status) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("Not an HTTP status: " + status);
    }
    return new Fault(Kind.STATUS, status, -1, null, null, null, null, null, 1);
  }

  /**
   * Acts on the request at once but sends the answer only after {@code delay} (real time, not the fake's clock), so a
   * client that times out cannot tell whether the request took effect.
   */
  public static Fault slow(Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("Negative delay: " + delay);
    }
    return new Fault(Kind.SLOW, 0, -1, null, null, delay, null, null, 1);
  }

  /** Drops the connection after reading the request, without acting on it and without answering. */
  public static Fault disconnect() {
    return new Fault(Kind.DISCONNECT, 0, -1, null, null, null, null, null, 1);
  }

  /**
   * Drops the connection after the request's headers, before reading its body; the request is not acted on.
   *
   * <p>This fault cannot be scoped with {@link #on}: MockWebServer decides whether to read a body before it tells
   * anyone which request it is, so the fault applies to the next request whatever its path. While it is queued,
   * another request arriving at the same moment may be dropped with it.
   */
  public static Fault disconnectBeforeBody() {
    return new Fault(Kind.DISCONNECT_BEFORE_BODY, 0, -1, null, null, null, null, null, 1);
  }

  /**
   * Acts on the request (a job is created, a source deleted, ...) and then drops the connection instead of answering:
   * the client sees an I/O error although the request took effect, as after a timeout on a loaded server.
   */
  public static Fault disconnectAfterProcessing() {
    return new Fault(Kind.DISCONNECT_AFTER_PROCESSING, 0, -1, null, null, null, null, null, 1);
  }

  /** Adds a {@code Retry-After} header with this many seconds to a {@link #status} fault. */
  public Fault retryAfterSeconds(long seconds) {
    requireKind(Kind.STATUS, "retryAfterSeconds");
    if (seconds < 0) {
      throw new IllegalArgumentException("Negative Retry-After: " + seconds);
    }
    return new Fault(kind, status, seconds, contentType, body, delay, method, pathPattern, times);
  }

  /**
   * Replaces the problem body of a {@link #status} fault, for answers that do not come from Airbyte itself: an HTML
   * page from a proxy, a Micronaut error object, an empty body ({@code body(null, "")}).
   */
  public Fault body(String contentType, String body) {
    requireKind(Kind.STATUS, "body");
    return new Fault(kind, status, retryAfterSeconds, contentType, Objects.requireNonNull(body, "body"), delay, method,
        pathPattern, times);
  }

  /**
   * Applies the fault only to requests with this method and path. The path is relative to the base URL and may use
   * the spec's placeholders, which match any one segment: {@code on("GET", "/jobs/{jobId}")}. A method of
   * {@code "*"} matches every method.
   */
  public Fault on(String method, String path) {
    if (kind == Kind.DISCONNECT_BEFORE_BODY) {
      throw new IllegalArgumentException(
          "disconnectBeforeBody() cannot be scoped: the body is skipped before the request line is known");
    }
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    String normalized = path.startsWith("/") ? path : "/" + path;
    return new Fault(kind, status, retryAfterSeconds, contentType, body, delay, method.toUpperCase(Locale.ROOT),
        normalized, times);
  }

  /** Applies the fault to this many matching requests instead of one. */
  public Fault times(int times) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1: " + times);
    }
    return new Fault(kind, status, retryAfterSeconds, contentType, body, delay, method, pathPattern, times);
  }

  Fault withTimes(int remaining) {
    return new Fault(kind, status, retryAfterSeconds, contentType, body, delay, method, pathPattern, remaining);
  }

  boolean matches(String requestMethod, String apiPath) {
    if (method == null) {
      return true;
    }
    if (!method.equals("*") && !method.equalsIgnoreCase(requestMethod)) {
      return false;
    }
    return Routes.fits(pathPattern, apiPath);
  }

  private void requireKind(Kind wanted, String what) {
    if (kind != wanted) {
      throw new IllegalStateException(what + "() applies to Fault.status(...) only, not to " + this);
    }
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("Fault.");
    switch (kind) {
      case STATUS -> s.append("status(").append(status).append(')');
      case SLOW -> s.append("slow(").append(delay).append(')');
      case DISCONNECT -> s.append("disconnect()");
      case DISCONNECT_BEFORE_BODY -> s.append("disconnectBeforeBody()");
      case DISCONNECT_AFTER_PROCESSING -> s.append("disconnectAfterProcessing()");
    }
    if (retryAfterSeconds >= 0) {
      s.append(".retryAfterSeconds(").append(retryAfterSeconds).append(')');
    }
    if (body != null) {
      s.append(".body(").append(contentType).append(", ...)");
    }
    if (method != null) {
      s.append(".on(\"").append(method).append("\", \"").append(pathPattern).append("\")");
    }
    if (times != 1) {
      s.append(".times(").append(times).append(')');
    }
    return s.toString();
  }
}
