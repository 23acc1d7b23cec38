package io.github.airbytejava.internal;

import java.time.Duration;

/** Waits; injected so that tests of backoff and polling never really sleep. */
@FunctionalInterface
public interface Sleeper {
  Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
