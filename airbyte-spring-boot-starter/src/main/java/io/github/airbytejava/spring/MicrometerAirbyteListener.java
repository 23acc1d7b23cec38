package io.github.airbytejava.spring;

import io.github.airbytejava.AirbyteListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The client's calls as Micrometer meters. Tags are few-valued by design: the operation, never an id, a name or a
 * path, which would make a meter per resource.
 * <ul>
 *   <li>{@code airbyte.client.requests} (timer): each call, retries included; tags {@code operation} (the spec's
 *       operationId, such as {@code listSources}), {@code method}, {@code status} (the final HTTP status, or
 *       {@code NONE} when no response came) and {@code outcome} ({@code SUCCESS}, {@code CLIENT_ERROR},
 *       {@code SERVER_ERROR}, or {@code NO_RESPONSE}).
 *   <li>{@code airbyte.client.retries} (counter): each retry; tags {@code method} and {@code status}.
 *   <li>{@code airbyte.client.token.refreshes} (timer): each token request; tags {@code early} (a background
 *       refresh ahead of expiry) and {@code outcome} ({@code SUCCESS} or {@code FAILURE}).
 *   <li>{@code airbyte.client.sync.polls} (counter): each poll of a job being waited for; tag {@code status} (the job's
 *       status, or {@code NONE} when the poll failed).
 * </ul>
 */
public final class MicrometerAirbyteListener implements AirbyteListener {
  private final MeterRegistry registry;
  /** Meters by their tags: a lookup here costs a hash, where registering each time would build an id and tags. */
  private final Map<RequestKey, Timer> requestTimers = new ConcurrentHashMap<>();
  private final Map<RetryKey, Counter> retryCounters = new ConcurrentHashMap<>();

  public MicrometerAirbyteListener(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  private record RequestKey(String operation, String method, int status) {}

  private record RetryKey(String method, int status) {}

  @Override
  public void onRequestEnd(RequestEnd end) {
    RequestKey key = new RequestKey(end.operationId() == null ? "unknown" : end.operationId(), end.method(),
        end.statusCode());
    requestTimers.computeIfAbsent(key, k -> Timer.builder("airbyte.client.requests")
        .description("Calls of the Airbyte API, retries included")
        .tag("operation", k.operation()).tag("method", k.method()).tag("status", status(k.status()))
        .tag("outcome", outcome(k.status())).register(registry)).record(end.duration());
  }

  @Override
  public void onRetry(Retry retry) {
    retryCounters.computeIfAbsent(new RetryKey(retry.method(), retry.statusCode()), k ->
        Counter.builder("airbyte.client.retries").description("Retries of failed attempts")
            .tag("method", k.method()).tag("status", status(k.status())).register(registry)).increment();
  }

  @Override
  public void onTokenRefresh(TokenRefresh refresh) {
    Timer.builder("airbyte.client.token.refreshes").description("Token requests")
        .tag("early", String.valueOf(refresh.early()))
        .tag("outcome", refresh.failure() == null ? "SUCCESS" : "FAILURE")
        .register(registry).record(refresh.duration());
  }

  @Override
  public void onSyncPoll(SyncPoll poll) {
    String status = poll.failure() != null || poll.job() == null || poll.job().getStatus() == null ? "NONE"
        : poll.job().getStatus().getValue();
    Counter.builder("airbyte.client.sync.polls").description("Polls of jobs being waited for")
        .tag("status", status).register(registry).increment();
  }

  private static String status(int status) {
    return status == 0 ? "NONE" : Integer.toString(status);
  }

  private static String outcome(int status) {
    if (status == 0) {
      return "NO_RESPONSE";
    }
    if (status < 400) {
      return "SUCCESS";
    }
    return status < 500 ? "CLIENT_ERROR" : "SERVER_ERROR";
  }
}
