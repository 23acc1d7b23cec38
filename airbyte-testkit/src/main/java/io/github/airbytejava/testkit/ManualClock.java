package io.github.airbytejava.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that moves only when told to, so that tests advance time instead of sleeping: give it to
 * {@link FakeAirbyte.Builder#clock} and call {@link #advance} to age tokens and move jobs along. Thread-safe.
 */
public final class ManualClock extends Clock {

  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  /** A clock standing at 2026-01-01T00:00:00Z. */
  public ManualClock() {
    this(Instant.parse("2026-01-01T00:00:00Z"));
  }

  public ManualClock(Instant start) {
    this(new AtomicReference<>(start), ZoneOffset.UTC);
  }

  private ManualClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /** Moves the clock forward (or back, for a negative duration). */
  public ManualClock advance(Duration duration) {
    now.updateAndGet(instant -> instant.plus(duration));
    return this;
  }

  /**
   * Advances the clock by {@code duration} instead of waiting, with the shape of a sleeper ({@code void
   * sleep(Duration) throws InterruptedException}), so that a client's waits (retries, {@code Retry-After}, sync
   * polls) move the fake's time: {@code AirbyteClient.builder().clock(clock).sleeper(clock::sleep)}. Throws if the
   * thread is interrupted, as a sleeping thread would.
   */
  public void sleep(Duration duration) throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException("interrupted before sleeping " + duration);
    }
    if (duration.isNegative()) {
      throw new IllegalArgumentException("Cannot sleep a negative duration: " + duration);
    }
    advance(duration);
  }

  /** Sets the clock to this instant. */
  public ManualClock set(Instant instant) {
    now.set(instant);
    return this;
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** A view in another zone that shares this clock's time. */
  @Override
  public Clock withZone(ZoneId zone) {
    return new ManualClock(now, zone);
  }

  @Override
  public String toString() {
    return "ManualClock[" + now.get() + "]";
  }
}
