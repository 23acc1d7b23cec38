package io.github.airbytejava.provisioning;

import io.github.airbytejava.RateLimitException;
import io.github.airbytejava.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * {@link Live.Api} with at most a set number of requests in flight, and a pause shared by every thread: when one
 * request is refused with 429 (after the client's own retries), every thread waits out the server's
 * {@code Retry-After} (or a back-off) before its next request, and the refused request is sent again.
 */
final class Throttle implements Live.Api {
  /** Attempts of one request refused with 429, the first included. */
  static final int ATTEMPTS = 5;
  private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final Live.Api api;
  private final Semaphore inFlight;
  private final Sleeper sleeper;
  private final Clock clock;
  private final Object lock = new Object();
  private long pausedUntilMillis;

  Throttle(Live.Api api, int maxInFlight, Sleeper sleeper, Clock clock) {
    this.api = api;
    this.inFlight = new Semaphore(maxInFlight, true);
    this.sleeper = sleeper;
    this.clock = clock;
  }

  private <T> T call(Supplier<T> request) {
    for (int attempt = 1; ; attempt++) {
      awaitPause();
      inFlight.acquireUninterruptibly();
      try {
        return request.get();
      } catch (RateLimitException e) {
        if (attempt >= ATTEMPTS) throw e;
        Duration backoff = FIRST_BACKOFF.multipliedBy(1L << (attempt - 1));
        Duration wait = e.getRetryAfter() != null ? e.getRetryAfter()
            : backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
        synchronized (lock) {
          pausedUntilMillis = Math.max(pausedUntilMillis, clock.millis() + wait.toMillis());
        }
      } finally {
        inFlight.release();
      }
    }
  }

  private void run(Runnable request) {
    call(() -> {
      request.run();
      return null;
    });
  }

  private void awaitPause() {
    while (true) {
      long wait;
      synchronized (lock) {
        wait = pausedUntilMillis - clock.millis();
      }
      if (wait <= 0) return;
      try {
        sleeper.sleep(Duration.ofMillis(wait));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting out a 429 from Airbyte", e);
      }
    }
  }

  @Override
  public List<Live.Workspace> workspaces() {
    return call(api::workspaces);
  }

  @Override
  public UUID createWorkspace(String name, UUID organizationId, Map<String, Object> notifications) {
    return call(() -> api.createWorkspace(name, organizationId, notifications));
  }

  @Override
  public void updateNotifications(UUID workspaceId, Map<String, Object> notifications) {
    run(() -> api.updateNotifications(workspaceId, notifications));
  }

  @Override
  public List<Live.Actor> actors(ActorSpec.Kind kind, UUID workspaceId) {
    return call(() -> api.actors(kind, workspaceId));
  }

  @Override
  public Live.Actor actor(ActorSpec.Kind kind, UUID id) {
    return call(() -> api.actor(kind, id));
  }

  @Override
  public Live.Connection connection(UUID id) {
    return call(() -> api.connection(id));
  }

  @Override
  public List<Live.Connection> connections(UUID workspaceId) {
    return call(() -> api.connections(workspaceId));
  }

  @Override
  public List<Live.Tag> tags(UUID workspaceId) {
    return call(() -> api.tags(workspaceId));
  }

  @Override
  public List<Live.Definition> definitions(ActorSpec.Kind kind, UUID workspaceId) {
    return call(() -> api.definitions(kind, workspaceId));
  }

  @Override
  public List<Live.StreamInfo> streams(UUID sourceId, UUID destinationId) {
    return call(() -> api.streams(sourceId, destinationId));
  }

  @Override
  public UUID createActor(ActorSpec.Kind kind, UUID workspaceId, String name, UUID definitionId,
      Map<String, Object> configuration) {
    return call(() -> api.createActor(kind, workspaceId, name, definitionId, configuration));
  }

  @Override
  public void patchActor(ActorSpec.Kind kind, UUID id, Map<String, Object> configuration) {
    run(() -> api.patchActor(kind, id, configuration));
  }

  @Override
  public void putActor(ActorSpec.Kind kind, UUID id, String name, Map<String, Object> configuration) {
    run(() -> api.putActor(kind, id, name, configuration));
  }

  @Override
  public void deleteActor(ActorSpec.Kind kind, UUID id) {
    run(() -> api.deleteActor(kind, id));
  }

  @Override
  public Live.Tag createTag(UUID workspaceId, String name, String color) {
    return call(() -> api.createTag(workspaceId, name, color));
  }

  @Override
  public UUID createConnection(Live.ConnectionWrite write) {
    return call(() -> api.createConnection(write));
  }

  @Override
  public void patchConnection(UUID id, Live.ConnectionWrite write) {
    run(() -> api.patchConnection(id, write));
  }

  @Override
  public void deleteConnection(UUID id) {
    run(() -> api.deleteConnection(id));
  }
}
