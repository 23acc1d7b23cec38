package io.github.airbytejava.faultsuite;

import io.github.airbytejava.AirbyteException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * What a fault case must end in: a result or exactly one exception type (whose message names the status, when
 * there is one), how many requests the operation's route received, and how long it may take.
 */
record Expectation(Class<? extends AirbyteException> error, Integer status, int requests, Duration minElapsed,
    Duration bound, Consumer<AirbyteException> extra) {

  /** Time for what a loaded machine adds to the configured timeouts and waits. */
  static final Duration SLACK = Duration.ofMillis(1500);
  /** The bound of a call with no timeout and no wait in it. */
  static final Duration PROMPT = Duration.ofMillis(2000);

  static Expectation succeeds(int requests) {
    return new Expectation(null, null, requests, Duration.ZERO, PROMPT, e -> { });
  }

  static Expectation fails(Class<? extends AirbyteException> error, Integer status, int requests) {
    return new Expectation(error, status, requests, Duration.ZERO, PROMPT, e -> { });
  }

  /** Takes at least {@code wait} (a Retry-After that must be obeyed), and at most that plus {@link #SLACK}. */
  Expectation waitsAtLeast(Duration wait) {
    return new Expectation(error, status, requests, wait, wait.plus(SLACK), extra);
  }

  /** Each of the {@code requests} attempts ran into the client's read timeout. */
  Expectation timesOutEachAttempt() {
    Duration deadline = Loopback.TIMEOUT.multipliedBy(requests).plus(Loopback.MAX_BACKOFF);
    return new Expectation(error, status, requests, minElapsed, deadline.plus(SLACK), extra);
  }

  Expectation and(Consumer<AirbyteException> check) {
    return new Expectation(error, status, requests, minElapsed, bound, extra.andThen(check));
  }

  @Override
  public String toString() {
    return (error == null ? "succeeds" : error.getSimpleName() + (status == null ? "" : " " + status))
        + " after " + requests + " request" + (requests == 1 ? "" : "s") + ", within " + bound.toMillis() + " ms";
  }
}
