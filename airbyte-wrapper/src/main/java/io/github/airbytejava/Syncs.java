package io.github.airbytejava;

import io.github.airbytejava.generated.api.JobsApi;
import io.github.airbytejava.generated.model.JobCreateRequest;
import io.github.airbytejava.generated.model.JobOrderByEnum;
import io.github.airbytejava.generated.model.JobResponse;
import io.github.airbytejava.generated.model.JobStatusEnum;
import io.github.airbytejava.generated.model.JobTypeEnum;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * Starts a connection's jobs (sync, reset, refresh, clear) without ever starting two, and waits for them;
 * obtained from {@link AirbyteClient#syncs()}.
 *
 * <pre>{@code
 * JobResponse job = client.syncs().run(connectionId);
 * if (job.getStatus() != JobStatusEnum.SUCCEEDED) { ... }
 * }</pre>
 *
 * <p>A job that ends {@code failed} or {@code cancelled} is <em>returned</em>, not thrown: what a failed sync
 * means is the caller's decision. Exceptions are for calls that failed ({@link AirbyteException} and its
 * subclasses) and for a job still running at the deadline ({@link SyncTimeoutException}).
 *
 * <p>The waiting methods block the calling thread (polling, see {@link SyncOptions}); the {@code *Async} forms
 * wait on a thread of the client instead. Cancelling their future stops the waiting (it interrupts that thread)
 * but does not cancel the job: use {@code client.jobs().cancelJob(id).execute()} for that.
 */
public final class Syncs {
  private static final int ACTIVE_JOB_LOOKUP = 10;

  private final AirbyteClient client;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Supplier<ExecutorService> executor;

  Syncs(AirbyteClient client, Clock clock, Sleeper sleeper, Supplier<ExecutorService> executor) {
    this.client = client;
    this.clock = clock;
    this.sleeper = sleeper;
    this.executor = executor;
  }

  /** Starts a sync of the connection, or returns the one already running; see {@link #start(UUID, JobTypeEnum)}. */
  public JobResponse start(UUID connectionId) {
    return start(connectionId, JobTypeEnum.SYNC);
  }

  /**
   * Starts a job of the connection ({@code POST /jobs}, sent once and never retried), or returns the job of
   * this type that is already active. Airbyte answers 409 when the connection already has a running job;
   * and when the call times out or fails with a 5xx, the job may have been created anyway (on a loaded server
   * {@code POST /jobs} can take minutes). In those cases the newest active job ({@code pending}, {@code queued},
   * {@code running} or {@code incomplete}) of the connection and type is returned; if there is none, the
   * original exception is thrown. An active job of another type (a reset while you asked for a sync) is not
   * yours: the 409 is thrown.
   *
   * @return the job as created or found; it usually has not finished
   */
  public JobResponse start(UUID connectionId, JobTypeEnum jobType) {
    Objects.requireNonNull(connectionId, "connectionId");
    Objects.requireNonNull(jobType, "jobType");
    JobsApi jobs = client.jobs();
    try {
      return withJobId(jobs.createJob(new JobCreateRequest().connectionId(connectionId).jobType(jobType)).execute());
    } catch (ConflictException | ServerException | AirbyteTransportException e) {
      JobResponse active;
      try {
        active = findActive(jobs, connectionId, jobType);
      } catch (AirbyteException lookupFailure) {
        e.addSuppressed(lookupFailure);
        throw e;
      }
      if (active == null) throw e;
      return withJobId(active);
    }
  }

  /** A job without its id cannot be waited for or cancelled: that answer is unusable, say so in a typed way. */
  private JobResponse withJobId(JobResponse job) {
    if (job == null || job.getJobId() == null) {
      String path = okhttp3.HttpUrl.get(client.baseUrl()).encodedPath().replaceAll("/$", "") + "/jobs";
      throw new MalformedResponseException("POST", path, 200, null, "the job in the response has no jobId",
          job == null ? null : job.toJson(), null);
    }
    return job;
  }

  /** The newest job of the connection and type that has not finished, or null. */
  private JobResponse findActive(JobsApi jobs, UUID connectionId, JobTypeEnum jobType) {
    List<JobResponse> recent = jobs.listJobs().connectionId(connectionId).jobType(jobType).limit(ACTIVE_JOB_LOOKUP)
        .orderBy(JobOrderByEnum.CREATED_AT_DESC).execute().getData();
    if (recent == null) return null;
    for (JobResponse job : recent) {
      if (!isTerminal(job, false)) return job;
    }
    return null;
  }

  /** Runs a sync of the connection and waits for it with {@link SyncOptions#defaults()}. */
  public JobResponse run(UUID connectionId) {
    return run(connectionId, JobTypeEnum.SYNC, SyncOptions.defaults());
  }

  /**
   * Starts a job as {@link #start(UUID, JobTypeEnum)} does (or joins the active one) and waits until it reaches
   * a terminal status. The timeout counts from this call.
   *
   * @return the job in its terminal status, whether it succeeded or not
   * @throws SyncTimeoutException if it is still active when {@link SyncOptions#timeout()} has passed
   */
  public JobResponse run(UUID connectionId, JobTypeEnum jobType, SyncOptions options) {
    Objects.requireNonNull(options, "options");
    Instant deadline = clock.instant().plus(options.timeout());
    JobResponse job = start(connectionId, jobType);
    return waitFor(job.getJobId(), job, deadline, options);
  }

  /** {@link #run(UUID, JobTypeEnum, SyncOptions)} on a thread of the client. */
  public CompletableFuture<JobResponse> runAsync(UUID connectionId, JobTypeEnum jobType, SyncOptions options) {
    return async(() -> run(connectionId, jobType, options));
  }

  /**
   * Waits until an existing job reaches a terminal status. The timeout counts from this call.
   *
   * @return the job in its terminal status, whether it succeeded or not
   * @throws SyncTimeoutException if it is still active when {@link SyncOptions#timeout()} has passed
   */
  public JobResponse await(long jobId, SyncOptions options) {
    Objects.requireNonNull(options, "options");
    Instant deadline = clock.instant().plus(options.timeout());
    return waitFor(jobId, client.jobs().getJob(jobId).execute(), deadline, options);
  }

  /** {@link #await(long, SyncOptions)} on a thread of the client. */
  public CompletableFuture<JobResponse> awaitAsync(long jobId, SyncOptions options) {
    return async(() -> await(jobId, options));
  }

  /**
   * Whether {@code job} has finished: {@code succeeded}, {@code failed}, {@code cancelled}, and
   * {@code incomplete} when {@code incompleteIsTerminal}. Any other status, including one this client does not
   * know, is not.
   */
  public static boolean isTerminal(JobResponse job, boolean incompleteIsTerminal) {
    JobStatusEnum status = job == null ? null : job.getStatus();
    if (status == null) return false;
    switch (status) {
      case SUCCEEDED:
      case FAILED:
      case CANCELLED:
        return true;
      case INCOMPLETE:
        return incompleteIsTerminal;
      default:
        return false;
    }
  }

  private JobResponse waitFor(long jobId, JobResponse job, Instant deadline, SyncOptions options) {
    JobsApi jobs = client.jobs();
    options.onProgress().accept(job);
    Duration interval = options.pollInterval();
    AirbyteException lastFailure = null;
    while (!isTerminal(job, options.incompleteIsTerminal())) {
      Instant now = clock.instant();
      if (!now.isBefore(deadline)) throw timedOut(jobs, jobId, job, options, lastFailure);
      Duration remaining = Duration.between(now, deadline);
      sleep(interval.compareTo(remaining) < 0 ? interval : remaining, jobId);
      interval = grow(interval, options.maxPollInterval());
      try {
        job = jobs.getJob(jobId).execute();
        lastFailure = null;
      } catch (AirbyteTransportException | ServerException | RateLimitException e) {
        // A blip during a wait of hours is no reason to give up: the deadline still bounds the wait.
        lastFailure = e;
        continue;
      }
      options.onProgress().accept(job);
    }
    return job;
  }

  private SyncTimeoutException timedOut(JobsApi jobs, long jobId, JobResponse last, SyncOptions options,
      AirbyteException lastFailure) {
    if (!options.cancelOnTimeout()) {
      return new SyncTimeoutException(jobId, last, options.timeout(), false, lastFailure);
    }
    try {
      JobResponse cancelled = jobs.cancelJob(jobId).execute();
      return new SyncTimeoutException(jobId, cancelled == null ? last : cancelled, options.timeout(), true,
          lastFailure);
    } catch (AirbyteException cancelFailure) {
      SyncTimeoutException timeout = new SyncTimeoutException(jobId, last, options.timeout(), false, lastFailure);
      timeout.addSuppressed(cancelFailure);
      return timeout;
    }
  }

  private static Duration grow(Duration interval, Duration max) {
    Duration next = interval.plus(interval.dividedBy(2));
    return next.compareTo(max) > 0 ? max : next;
  }

  private void sleep(Duration duration, long jobId) {
    try {
      sleeper.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AirbyteException("Interrupted while waiting for job " + jobId, e);
    }
  }

  private <T> CompletableFuture<T> async(Supplier<T> work) {
    CompletableFuture<T> future = new CompletableFuture<>();
    Future<?> task;
    try {
      task = executor.get().submit(() -> {
        try {
          future.complete(work.get());
        } catch (Throwable t) {
          future.completeExceptionally(t);
        }
      });
    } catch (RejectedExecutionException e) {
      future.completeExceptionally(new AirbyteException("The AirbyteClient is closed", e));
      return future;
    }
    // CompletableFuture.cancel does not interrupt; the task's Future does, which ends the sleep between polls.
    future.whenComplete((result, failure) -> {
      if (future.isCancelled()) task.cancel(true);
    });
    return future;
  }
}
