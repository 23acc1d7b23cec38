package io.github.airbytejava;

import java.time.Duration;

/**
 * How the client waits: between retries, for a {@code Retry-After}, between sync polls and between token request
 * attempts. Give tests one that advances their clock instead ({@link AirbyteClient.Builder#sleeper(Sleeper)}), and
 * a 30-second {@code Retry-After} takes no time at all.
 *
 * <p>An implementation returns early by throwing {@link InterruptedException} when its thread is interrupted: the
 * client interrupts a waiting thread when its call is cancelled.
 */
@FunctionalInterface
public interface Sleeper {
  /** {@link Thread#sleep(long)}. */
  Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

  /** Waits for {@code duration} (never negative). */
  void sleep(Duration duration) throws InterruptedException;
}
