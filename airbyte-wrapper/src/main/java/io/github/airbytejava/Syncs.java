package io.github.airbytejava;

import io.github.airbytejava.generated.api.JobsApi;
import io.github.airbytejava.generated.model.JobCreateRequest;
import io.github.airbytejava.generated.model.JobOrderByEnum;
import io.github.airbytejava.generated.model.JobResponse;
import io.github.airbytejava.generated.model.JobStatusEnum;
import io.github.airbytejava.generated.model.JobTypeEnum;
import io.github.airbytejava.generated.model.JobsResponse;
import io.github.airbytejava.configapi.JobDetails;
import io.github.airbytejava.internal.ConfigApiClient;
import io.github.airbytejava.internal.Listeners;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a connection's jobs (sync, reset, refresh, clear) without ever starting two, waits for them, and finds
 * them; obtained from {@link AirbyteClient#syncs()}.
 *
 * <pre>{@code
 * SyncOutcome outcome = client.syncs().run(connectionId);
 * if (!outcome.succeeded()) log.error(outcome.summary()); // with Airbyte's reason when the Config API is on
 * }</pre>
 *
 * <p>A job that ends {@code failed} or {@code cancelled} is <em>returned</em> (in a {@link SyncOutcome}), not thrown:
 * what a failed sync means is the caller's decision. Exceptions are for calls that failed ({@link AirbyteException} and its
 * subclasses) and for a job still running at the deadline ({@link SyncTimeoutException}).
 *
 * <p>The waiting methods block the calling thread (polling, see {@link SyncOptions}); the {@code *Async} forms
 * wait on a thread of the client instead. However their future completes (cancelled, {@code orTimeout},
 * completed by you, or a dependent stage cancelled), the waiting stops; the job itself goes on: use
 * {@code client.jobs().cancelJob(id).execute()} to cancel it. Each poll is logged at DEBUG on
 * {@code io.github.airbytejava.sync} and told to the client's {@link AirbyteListener}.
 */
public final class Syncs {
  private static final int ACTIVE_JOB_LOOKUP = 10;
  private static final Logger LOG = LoggerFactory.getLogger("io.github.airbytejava.sync");

  private final AirbyteClient client;
  private final Clock clock;
  private final Sleeper sleeper;
  private final AirbyteListener listener;
  private final Supplier<ExecutorService> executor;

  Syncs(AirbyteClient client, Clock clock, Sleeper sleeper, AirbyteListener listener,
      Supplier<ExecutorService> executor) {
    this.client = client;
    this.clock = clock;
    this.sleeper = sleeper;
    this.listener = listener;
    this.executor = executor;
  }

  /** Starts a sync of the connection, or joins the one already running; see {@link #start(UUID, JobTypeEnum)}. */
  public JobStart start(UUID connectionId) {
    return start(connectionId, JobTypeEnum.SYNC);
  }

  /**
   * Starts a job of the connection ({@code POST /jobs}, never sent twice once it may have reached the server), or
   * joins the job of this type that is already active. Airbyte answers 409 when the connection already has a
   * running job; and when the call times out or fails with a 5xx, the job may have been created anyway (on a
   * loaded server {@code POST /jobs} can take minutes). In those cases the newest active job ({@code pending},
   * {@code queued}, {@code running} or {@code incomplete}) of this connection and type is joined; if there is none,
   * the original exception is thrown. An active job of another type (a reset while you asked for a sync) is not
   * yours: the 409 is thrown. A 429 means the server refused to create the job: the request is sent again after its
   * {@code Retry-After} (or the retry policy's backoff), within the client's {@link RetryPolicy}.
   *
   * @return the job, and whether it was started or joined
   */
  public JobStart start(UUID connectionId, JobTypeEnum jobType) {
    Objects.requireNonNull(connectionId, "connectionId");
    Objects.requireNonNull(jobType, "jobType");
    JobsApi jobs = client.jobs();
    RetryPolicy policy = client.retryPolicy();
    Instant begin = clock.instant();
    for (int attempt = 1; ; attempt++) {
      try {
        return new JobStart(withJobId(jobs.createJob(new JobCreateRequest().connectionId(connectionId)
            .jobType(jobType)).execute()), false);
      } catch (RateLimitException e) {
        Duration wait = e.getRetryAfter() != null ? e.getRetryAfter() : backoff(policy, attempt);
        boolean allowed = attempt < policy.maxAttempts() && wait.compareTo(policy.maxDelay()) <= 0
            && !clock.instant().plus(wait).isAfter(begin.plus(policy.maxElapsed()));
        if (!allowed) throw e;
        int failed = attempt;
        LOG.debug("POST {}: 429, the job was not created; asking again in {} ms", e.getPath(), wait.toMillis());
        Listeners.tell(listener, l -> l.onRetry(new AirbyteListener.Retry("POST", e.getPath(), failed, 429, null,
            wait)));
        sleep(wait, "to start a job of connection " + connectionId);
      } catch (ConflictException | ServerException | AirbyteTransportException e) {
        JobResponse active;
        try {
          active = findActive(jobs, connectionId, jobType);
        } catch (AirbyteException lookupFailure) {
          e.addSuppressed(lookupFailure);
          throw e;
        }
        if (active == null) throw e;
        return new JobStart(withJobId(active), true);
      }
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

  /**
   * The newest job of this connection and type that has not finished, or null. The listing is filtered by the
   * server, and each job checked again here: a job of another connection or type (a server or proxy that ignores a
   * filter) is never joined.
   */
  private JobResponse findActive(JobsApi jobs, UUID connectionId, JobTypeEnum jobType) {
    for (JobResponse job : recent(jobs, connectionId, jobType)) {
      if (!isTerminal(job, false)) return job;
    }
    return null;
  }

  private static List<JobResponse> recent(JobsApi jobs, UUID connectionId, JobTypeEnum jobType) {
    List<JobResponse> recent = jobs.listJobs().connectionId(connectionId).jobType(jobType).limit(ACTIVE_JOB_LOOKUP)
        .orderBy(JobOrderByEnum.CREATED_AT_DESC).execute().getData();
    return recent == null ? List.of() : recent.stream().filter(job -> job != null
        && connectionId.equals(job.getConnectionId()) && (jobType == null || jobType == job.getJobType())).toList();
  }

  /** The connection's newest job of any type and status, if it has one. */
  public Optional<JobResponse> latestJob(UUID connectionId) {
    return latestJob(connectionId, null);
  }

  /** The connection's newest job of this type (null: any), whatever its status, if it has one. */
  public Optional<JobResponse> latestJob(UUID connectionId, JobTypeEnum jobType) {
    Objects.requireNonNull(connectionId, "connectionId");
    return recent(client.jobs(), connectionId, jobType).stream().findFirst();
  }

  /**
   * Every job of the connection, newest first, fetched page by page as the stream is read. A job started while
   * the stream is read moves the later pages by one: the job seen twice is left out the second time.
   */
  public Stream<JobResponse> jobs(UUID connectionId) {
    Objects.requireNonNull(connectionId, "connectionId");
    Set<Long> seen = new HashSet<>();
    return client.paginate().all((limit, offset) -> {
      JobsResponse page = client.jobs().listJobs().connectionId(connectionId).orderBy(JobOrderByEnum.CREATED_AT_DESC)
          .limit(limit).offset(offset).execute();
      return Paginator.Page.of(page.getData(), page.getNext());
    }).filter(job -> job.getJobId() == null || seen.add(job.getJobId()));
  }

  /** Runs a sync of the connection and waits for it with {@link SyncOptions#defaults()}. */
  public SyncOutcome run(UUID connectionId) {
    return run(connectionId, JobTypeEnum.SYNC, SyncOptions.defaults());
  }

  /**
   * Starts a job as {@link #start(UUID, JobTypeEnum)} does (or joins the active one) and waits until it reaches
   * a terminal status. The timeout counts from this call.
   *
   * <p>The outcome says whether the job was started or joined, flags a sync that succeeded having moved nothing
   * ({@link SyncOutcome#zeroCountSuccess()}, also told to the {@link AirbyteListener}) and, for a job that did not
   * succeed, carries why when the internal Config API is on ({@link SyncOutcome#details()}); when it is off or
   * cannot tell, {@link SyncOutcome#detailsUnavailable()} says why, and the wait does not fail for it.
   *
   * @return the outcome: the job in its terminal status, whether it succeeded or not
   * @throws SyncTimeoutException if it is still active when {@link SyncOptions#timeout()} has passed
   */
  public SyncOutcome run(UUID connectionId, JobTypeEnum jobType, SyncOptions options) {
    Objects.requireNonNull(options, "options");
    Instant deadline = clock.instant().plus(options.timeout());
    JobStart start = start(connectionId, jobType);
    JobResponse job = waitFor(start.jobId(), start.job(), deadline, options);
    return outcome(job, start.joined(), deadline, options);
  }

  /** {@link #run(UUID, JobTypeEnum, SyncOptions)} on a thread of the client. */
  public CompletableFuture<SyncOutcome> runAsync(UUID connectionId, JobTypeEnum jobType, SyncOptions options) {
    return async(() -> run(connectionId, jobType, options));
  }

  /**
   * Waits until an existing job reaches a terminal status. The timeout counts from this call. Every read of the
   * job, the first included, survives what a poll survives (no response, a 5xx, a 429) until the deadline.
   *
   * @return the job in its terminal status, whether it succeeded or not
   * @throws SyncTimeoutException if it is still active (or could not be read) when {@link SyncOptions#timeout()}
   *     has passed
   * @throws NotFoundException if there is no such job
   */
  public JobResponse await(long jobId, SyncOptions options) {
    Objects.requireNonNull(options, "options");
    Instant deadline = clock.instant().plus(options.timeout());
    return waitFor(jobId, null, deadline, options);
  }

  /**
   * {@link #await(long, SyncOptions)}, with the outcome {@link #run} gives: {@link SyncOutcome#joined()} is true,
   * since this call did not start the job.
   */
  public SyncOutcome awaitOutcome(long jobId, SyncOptions options) {
    Objects.requireNonNull(options, "options");
    Instant deadline = clock.instant().plus(options.timeout());
    return outcome(waitFor(jobId, null, deadline, options), true, deadline, options);
  }

  /** {@link #await(long, SyncOptions)} on a thread of the client. */
  public CompletableFuture<JobResponse> awaitAsync(long jobId, SyncOptions options) {
    return async(() -> await(jobId, options));
  }

  /** The outcome of a job that has ended; details are fetched for one that did not succeed, within the deadline. */
  private SyncOutcome outcome(JobResponse job, boolean joined, Instant deadline, SyncOptions options) {
    boolean zeroCount = job.getStatus() == JobStatusEnum.SUCCEEDED && job.getJobType() == JobTypeEnum.SYNC
        && zero(job.getBytesSynced()) && zero(job.getRowsSynced());
    if (zeroCount) {
      LOG.warn("Job {} of connection {} succeeded with 0 rows and 0 bytes: Airbyte reports a sync it failed to "
          + "launch so, and so looks an incremental sync with nothing new", job.getJobId(), job.getConnectionId());
      Listeners.tell(listener, l -> l.onZeroCountSuccess(new AirbyteListener.ZeroCountSuccess(job.getJobId(),
          job.getConnectionId(), job)));
    }
    if (job.getStatus() == JobStatusEnum.SUCCEEDED && !zeroCount) {
      return new SyncOutcome(job, joined, false, options.zeroCountSuccessIsFailure(), null, null);
    }
    JobDetails details = null;
    String unavailable;
    ConfigApiClient configApi = client.configApiClient();
    Duration remaining = Duration.between(clock.instant(), deadline);
    if (!configApi.enabled()) {
      unavailable = ConfigApiClient.DISABLED_REASON;
    } else if (remaining.isNegative() || remaining.isZero()) {
      unavailable = "the wait's deadline had passed before the details could be asked for";
    } else {
      try {
        details = configApi.jobDetails(job.getJobId(), false, remaining);
        unavailable = null;
      } catch (AirbyteException e) {
        unavailable = e.getMessage();
        LOG.debug("Job {}: no details: {}", job.getJobId(), unavailable);
      }
    }
    return new SyncOutcome(job, joined, zeroCount, options.zeroCountSuccessIsFailure(), details, unavailable);
  }

  private static boolean zero(Long count) {
    return count == null || count == 0;
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

  /**
   * Polls the job until it is terminal. {@code job} is the job as started or found, or null when it has not been
   * read yet: then the first read happens at once. Every read, the first included, survives no response, a 5xx or a
   * 429 until the deadline: a blip during a wait of hours is no reason to give up.
   */
  private JobResponse waitFor(long jobId, JobResponse job, Instant deadline, SyncOptions options) {
    JobsApi jobs = client.jobs();
    int poll = 1;
    Duration interval = options.pollInterval();
    AirbyteException lastFailure = null;
    boolean readAtOnce = job == null;
    if (job != null) polled(jobId, poll, job, null, options);
    while (job == null || !isTerminal(job, options.incompleteIsTerminal())) {
      if (!readAtOnce) {
        Instant now = clock.instant();
        if (!now.isBefore(deadline)) throw timedOut(jobs, jobId, job, options, lastFailure);
        Duration remaining = Duration.between(now, deadline);
        sleep(interval.compareTo(remaining) < 0 ? interval : remaining, "for job " + jobId);
        interval = grow(interval, options.maxPollInterval());
        poll++;
      }
      readAtOnce = false;
      try {
        job = jobs.getJob(jobId).execute();
        lastFailure = null;
      } catch (AirbyteTransportException | ServerException | RateLimitException e) {
        lastFailure = e;
        polled(jobId, poll, job, e, options);
        continue;
      }
      polled(jobId, poll, job, null, options);
    }
    return job;
  }

  private void polled(long jobId, int poll, JobResponse job, AirbyteException failure, SyncOptions options) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("Job {}, poll {}: {}", jobId, poll, failure != null ? "failed: " + failure.getMessage()
          : job.getStatus() + " (" + job.getRowsSynced() + " rows, " + job.getBytesSynced() + " bytes)");
    }
    Listeners.tell(listener, l -> l.onSyncPoll(new AirbyteListener.SyncPoll(jobId, poll, job, failure)));
    if (failure == null) options.onProgress().accept(job);
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

  /** Full jitter would make tests of a 429 guess; the policy's ceiling for this attempt is used as is. */
  private static Duration backoff(RetryPolicy policy, int attempt) {
    Duration wait = policy.initialDelay();
    for (int i = 1; i < attempt && wait.compareTo(policy.maxDelay()) < 0; i++) wait = wait.multipliedBy(2);
    return wait.compareTo(policy.maxDelay()) > 0 ? policy.maxDelay() : wait;
  }

  private void sleep(Duration duration, String what) {
    try {
      sleeper.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AirbyteException("Interrupted while waiting " + what, e);
    }
  }

  private <T> CompletableFuture<T> async(Supplier<T> work) {
    Linked<T> future = new Linked<>(null);
    Future<?> task;
    try {
      task = executor.get().submit(() -> {
        try {
          future.complete(work.get());
        } catch (Throwable t) {
          future.completeExceptionally(t);
        }
      });
    } catch (IllegalStateException | RejectedExecutionException closed) {
      future.completeExceptionally(new AirbyteException("The AirbyteClient is closed", closed));
      return future;
    }
    // However the future completes, the wait ends: the task's Future interrupts the sleep between polls, which
    // CompletableFuture.cancel (or orTimeout, or complete) alone would not.
    future.whenComplete((result, failure) -> task.cancel(true));
    return future;
  }

  /**
   * A future whose dependent stages ({@code thenApply}, ...) are linked to it: cancelling one of them cancels this
   * one too, so that the wait behind it stops.
   */
  private static final class Linked<T> extends CompletableFuture<T> {
    private final CompletableFuture<?> root;

    Linked(CompletableFuture<?> root) {
      this.root = root;
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
      return new Linked<>(root == null ? this : root);
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = super.cancel(mayInterruptIfRunning);
      if (root != null) root.cancel(mayInterruptIfRunning);
      return cancelled;
    }
  }
}
