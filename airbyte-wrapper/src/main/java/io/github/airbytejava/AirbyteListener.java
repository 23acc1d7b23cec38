package io.github.airbytejava;

import io.github.airbytejava.generated.model.JobResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * Hears what the client does, for metrics and traces: each call's start and end, each retry, each token refresh,
 * each poll of a sync. Set with {@link AirbyteClient.Builder#listener(AirbyteListener)}; every method does nothing
 * unless overridden. Without a listener the client builds none of these events.
 *
 * <p>Methods are called on the thread that makes the call (an OkHttp thread for {@code executeAsync()}, the
 * refresh thread for background token refreshes), so they should be quick. An exception thrown by one is logged
 * (WARN, logger {@code io.github.airbytejava.listener}) and otherwise ignored: it never fails the call.
 *
 * <pre>{@code
 * // Micrometer: a timer per operation and status.
 * .listener(new AirbyteListener() {
 *   public void onRequestEnd(RequestEnd end) {
 *     registry.timer("airbyte.client.requests", "operation", end.operationId(),
 *         "status", String.valueOf(end.statusCode())).record(end.duration());
 *   }
 * })
 * }</pre>
 */
public interface AirbyteListener {
  /** Hears nothing. */
  AirbyteListener NONE = new AirbyteListener() {};

  /** A call of an operation starts (before any attempt). */
  default void onRequestStart(RequestStart start) {}

  /** A call ends, with a 2xx status or with the exception the caller gets. */
  default void onRequestEnd(RequestEnd end) {}

  /** An attempt failed and the client will try again after {@code delay}. */
  default void onRetry(Retry retry) {}

  /** A token request ended (one per refresh, however many calls waited for it). */
  default void onTokenRefresh(TokenRefresh refresh) {}

  /** A sync (or any job) being waited for was polled. */
  default void onSyncPoll(SyncPoll poll) {}

  /**
   * A sync waited for ended {@code succeeded} having moved 0 bytes and 0 rows: Airbyte reports a sync it failed to
   * launch so (airbytehq/airbyte#85355), and so looks an incremental sync with nothing new. See
   * {@link SyncOutcome#zeroCountSuccess()}.
   */
  default void onZeroCountSuccess(ZeroCountSuccess success) {}

  /**
   * @param operationId the spec's name of the operation, such as {@code listJobs}: few distinct values, a good
   *     metric tag (unlike {@code path}); a call of the opt-in internal Config API is named by that API's own
   *     operation id after {@code internal.}, such as {@code internal.getJobInfoWithoutLogs}, and ends when its
   *     answer's headers arrive
   * @param path the URL path, such as {@code /v1/jobs/7}
   */
  record RequestStart(String operationId, String method, String path, Instant startedAt) {}

  /**
   * @param statusCode the final HTTP status; 0 when no response came
   * @param failure what the caller gets thrown, or null on success
   */
  record RequestEnd(String operationId, String method, String path, Instant startedAt, Duration duration,
      int statusCode, AirbyteException failure) {}

  /**
   * @param attempt the attempt that failed, 1 for the first
   * @param statusCode its status, or 0 when it got no response
   * @param failure why it got no response, or null
   * @param delay the wait before the next attempt
   */
  record Retry(String method, String path, int attempt, int statusCode, Throwable failure, Duration delay) {}

  /**
   * @param early whether the current token was still valid (a background refresh ahead of expiry)
   * @param expiresAt when the new token expires, or null when the refresh failed
   * @param failure why it failed, or null
   */
  record TokenRefresh(boolean early, Instant startedAt, Duration duration, Instant expiresAt, Throwable failure) {}

  /**
   * @param poll 1 for the job as started or first read, then 2, 3, ...
   * @param failure why this poll got no job (the wait goes on), or null; {@code job} is then the last one read, or
   *     null when none was read yet ({@link Syncs#await} before its first answer)
   */
  record SyncPoll(long jobId, int poll, JobResponse job, AirbyteException failure) {}

  /**
   * @param connectionId the job's connection
   * @param job the job as last read
   */
  record ZeroCountSuccess(long jobId, java.util.UUID connectionId, JobResponse job) {}
}
