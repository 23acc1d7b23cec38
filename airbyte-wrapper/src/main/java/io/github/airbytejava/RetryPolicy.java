package io.github.airbytejava;

import io.github.airbytejava.internal.Durations;
import java.time.Duration;
import java.util.Objects;

/**
 * When and how long the client retries a failed call. Immutable; build one with {@link #builder()} or start from
 * {@link #defaults()} with {@link #toBuilder()}.
 *
 * <p>What is retried: GET, PUT and DELETE (whose repetition is harmless) on 429, 502, 503, 504 and on I/O
 * failures (refused connection, timeout, broken connection). POST and PATCH are never sent again once the
 * request may have reached the server, whatever the status or failure: a second {@code POST /jobs} would start a
 * second sync. They are retried only when the connection could not be opened at all, so nothing was sent.
 *
 * <p>How long: a {@code Retry-After} header (seconds or an HTTP date) is obeyed when it is at most
 * {@link #maxDelay()}; a longer one ends the retries at once, and the {@link RateLimitException} says how long to
 * wait. Otherwise the wait is exponential with full jitter: a random duration between 0 and
 * {@code min(maxDelay, initialDelay * 2^(retry - 1))}. Retries stop after {@link #maxAttempts()} attempts, or when
 * the next attempt would start later than {@link #maxElapsed()} after the first.
 */
public final class RetryPolicy {
  private static final RetryPolicy DEFAULTS = builder().build();
  private static final RetryPolicy NONE = builder().maxAttempts(1).build();

  private final int maxAttempts;
  private final Duration initialDelay;
  private final Duration maxDelay;
  private final Duration maxElapsed;

  private RetryPolicy(Builder builder) {
    this.maxAttempts = builder.maxAttempts;
    this.initialDelay = builder.initialDelay;
    this.maxDelay = builder.maxDelay;
    this.maxElapsed = builder.maxElapsed;
  }

  /** The default policy: 4 attempts, 500 ms initial delay, 60 s max delay, 2 min max elapsed. */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** A policy that never retries (one attempt). */
  public static RetryPolicy none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Attempts in total, including the first; 1 means no retry. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** The upper bound of the first backoff wait; it doubles with each retry. */
  public Duration initialDelay() {
    return initialDelay;
  }

  /** The longest single wait, and the longest {@code Retry-After} that is obeyed. */
  public Duration maxDelay() {
    return maxDelay;
  }

  /** No retry starts later than this after the first attempt started. */
  public Duration maxElapsed() {
    return maxElapsed;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RetryPolicy && ((RetryPolicy) o).maxAttempts == maxAttempts
        && ((RetryPolicy) o).initialDelay.equals(initialDelay) && ((RetryPolicy) o).maxDelay.equals(maxDelay)
        && ((RetryPolicy) o).maxElapsed.equals(maxElapsed);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxAttempts, initialDelay, maxDelay, maxElapsed);
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts=" + maxAttempts + ", initialDelay=" + initialDelay + ", maxDelay=" + maxDelay
        + ", maxElapsed=" + maxElapsed + '}';
  }

  /** Builds a {@link RetryPolicy}; every setter has a default, listed on it. */
  public static final class Builder {
    private int maxAttempts = 4;
    private Duration initialDelay = Duration.ofMillis(500);
    private Duration maxDelay = Duration.ofSeconds(60);
    private Duration maxElapsed = Duration.ofMinutes(2);

    private Builder() {}

    private Builder(RetryPolicy policy) {
      this.maxAttempts = policy.maxAttempts;
      this.initialDelay = policy.initialDelay;
      this.maxDelay = policy.maxDelay;
      this.maxElapsed = policy.maxElapsed;
    }

    /**
     * Attempts in total, including the first. If not specified, 4 is used: three retries ride out a
     * restarting pod or a short rate limit without hiding a real outage for long.
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * The upper bound of the first backoff wait, doubling with each retry. If not specified, 500 ms is used:
     * long enough for a proxy to pick another backend, short enough not to be noticed.
     */
    public Builder initialDelay(Duration initialDelay) {
      this.initialDelay = nonNegative(initialDelay, "initialDelay");
      return this;
    }

    /**
     * The longest single wait, and the longest {@code Retry-After} obeyed. If not specified, 60 s is used: a
     * server that asks for longer is better answered by the caller (see {@link RateLimitException#getRetryAfter()})
     * than by a thread blocked inside the client.
     */
    public Builder maxDelay(Duration maxDelay) {
      this.maxDelay = nonNegative(maxDelay, "maxDelay");
      return this;
    }

    /**
     * No retry starts later than this after the first attempt started. If not specified, 2 minutes is used, so
     * that a call that keeps failing gives up within a few minutes (the read timeout of an attempt still adds
     * to this).
     */
    public Builder maxElapsed(Duration maxElapsed) {
      this.maxElapsed = nonNegative(maxElapsed, "maxElapsed");
      return this;
    }

    public RetryPolicy build() {
      return new RetryPolicy(this);
    }

    private static Duration nonNegative(Duration value, String name) {
      return Durations.wait(name, value);
    }
  }
}
