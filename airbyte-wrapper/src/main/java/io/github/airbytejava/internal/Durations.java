package io.github.airbytejava.internal;

import java.time.Duration;
import java.util.Objects;

/** Checks of durations, so that what OkHttp or {@code java.time} would reject later fails when it is set. */
public final class Durations {
  private static final Duration LONGEST_TIMEOUT = Duration.ofMillis(Integer.MAX_VALUE);

  private Durations() {}

  /**
   * An OkHttp timeout: zero (none), or from 1 ms to {@link Integer#MAX_VALUE} ms (about 24 days), as OkHttp
   * requires.
   */
  public static Duration timeout(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isNegative()) throw new IllegalArgumentException(name + " must not be negative: " + value);
    if (!value.isZero() && value.compareTo(Duration.ofMillis(1)) < 0) {
      throw new IllegalArgumentException(name + " must be zero (no limit) or at least 1 ms: " + value);
    }
    if (value.compareTo(LONGEST_TIMEOUT) > 0) {
      throw new IllegalArgumentException(name + " must be at most " + LONGEST_TIMEOUT + " (Integer.MAX_VALUE ms): "
          + value);
    }
    return value;
  }

  /** A wait that {@link java.time.Instant} arithmetic and {@link Duration#toMillis()} can take: up to 10,000 years. */
  public static Duration wait(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isNegative()) throw new IllegalArgumentException(name + " must not be negative: " + value);
    if (value.compareTo(Duration.ofDays(3_652_500)) > 0) {
      throw new IllegalArgumentException(name + " must be at most 10,000 years: " + value);
    }
    return value;
  }
}
