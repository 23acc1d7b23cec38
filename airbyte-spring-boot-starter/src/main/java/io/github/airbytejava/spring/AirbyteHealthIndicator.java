package io.github.airbytejava.spring;

import io.github.airbytejava.AirbyteClient;
import io.github.airbytejava.AirbyteException;
import io.github.airbytejava.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Airbyte's health for Actuator ({@code /actuator/health}, contributor {@code airbyte}): up when the API answers
 * {@code GET /health}, down with the client's error message otherwise. One request at most per
 * {@code airbyte.health.cache-ttl}, however often probes ask, each bounded by {@code airbyte.health.timeout} and
 * never retried; nothing is sent until a probe asks.
 */
public final class AirbyteHealthIndicator implements HealthIndicator {
  private final AirbyteClient client;
  private final Duration cacheTtl;
  private final Clock clock;
  private Health cached;
  private Instant cachedUntil = Instant.MIN;

  /** Health requests bounded by {@code timeout}, their results reused for {@code cacheTtl}. */
  public AirbyteHealthIndicator(AirbyteClient client, Duration timeout, Duration cacheTtl) {
    this(client, timeout, cacheTtl, Clock.systemUTC());
  }

  AirbyteHealthIndicator(AirbyteClient client, Duration timeout, Duration cacheTtl, Clock clock) {
    Objects.requireNonNull(client, "client");
    this.client = client.withOptions(o -> o.timeout(timeout).retries(RetryPolicy.none()));
    this.cacheTtl = Objects.requireNonNull(cacheTtl, "cacheTtl");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public synchronized Health health() {
    Instant now = clock.instant();
    if (cached != null && now.isBefore(cachedUntil)) {
      return cached;
    }
    Health.Builder health;
    try {
      client.health().getHealthCheck().execute();
      health = Health.up();
    } catch (AirbyteException e) {
      // The client's messages never carry a secret.
      health = Health.down().withDetail("error", e.getMessage());
    }
    cached = health.withDetail("baseUrl", client.baseUrl()).build();
    cachedUntil = now.plus(cacheTtl);
    return cached;
  }
}
