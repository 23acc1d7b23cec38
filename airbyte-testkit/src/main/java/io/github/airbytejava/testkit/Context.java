package io.github.airbytejava.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** What every resource group of the fake may need: its settings, its clock, and the base URL it is reachable at. */
final class Context {

  record Settings(String clientId, String clientSecret, Duration tokenLifetime, Duration jobDuration, long jobRows,
      Clock clock) {
  }

  private final Settings settings;
  private volatile String baseUrl = "http://127.0.0.1/v1";

  Context(Settings settings) {
    this.settings = settings;
  }

  Settings settings() {
    return settings;
  }

  Instant now() {
    return settings.clock().instant();
  }

  /** The full base URL, e.g. {@code http://127.0.0.1:PORT/v1}: for {@code next} links and token issuers. */
  String baseUrl() {
    return baseUrl;
  }

  void baseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
  }
}
