package io.github.airbytejava;

import java.time.Duration;

/**
 * 429 Too Many Requests. When retries are on, this is thrown only after they were used up, or at once when the
 * server asked for a wait longer than {@link RetryPolicy#maxDelay()}: {@link #getRetryAfter()} then says how long.
 */
public class RateLimitException extends AirbyteHttpException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  public RateLimitException(String method, String path, int statusCode, String title, String detail,
      String problemType, String rawBody, Duration retryAfter, Throwable cause) {
    super(method, path, statusCode, title, detail, problemType, rawBody, cause);
    this.retryAfter = retryAfter;
  }

  /** How long the server asked to wait ({@code Retry-After}, in seconds or as an HTTP date), or null. */
  public Duration getRetryAfter() {
    return retryAfter;
  }
}
