package io.github.airbytejava;

import io.github.airbytejava.configapi.JobDetails;
import io.github.airbytejava.configapi.JobFailure;
import io.github.airbytejava.generated.model.JobResponse;
import io.github.airbytejava.generated.model.JobStatusEnum;
import java.util.Objects;
import java.util.Optional;

/**
 * How a sync (or any job) waited for by {@link Syncs#run} ended: the final job, whether this call started it or
 * joined one already running, and, when it did not succeed, why, as far as the client could find out.
 *
 * <pre>{@code
 * SyncOutcome outcome = client.syncs().run(connectionId);
 * if (!outcome.succeeded()) log.error(outcome.summary()); // "job 12 failed after 3 attempts: source config_error: ..."
 * }</pre>
 *
 * <p>The public API says only that a job failed. The reason comes from Airbyte's internal Config API, which is off
 * unless the client was built with {@link AirbyteClient.Builder#enableInternalConfigApi()}: then
 * {@link #details()} holds the attempts and failures, or {@link #detailsUnavailable()} says why they could not be
 * had. Details are fetched only for a job that did not succeed (or succeeded with zero counts).
 */
public final class SyncOutcome {
  private final JobResponse job;
  private final boolean joined;
  private final boolean zeroCountSuccess;
  private final boolean zeroCountIsFailure;
  private final JobDetails details;
  private final String detailsUnavailable;

  SyncOutcome(JobResponse job, boolean joined, boolean zeroCountSuccess, boolean zeroCountIsFailure,
      JobDetails details, String detailsUnavailable) {
    this.job = Objects.requireNonNull(job, "job");
    this.joined = joined;
    this.zeroCountSuccess = zeroCountSuccess;
    this.zeroCountIsFailure = zeroCountIsFailure;
    this.details = details;
    this.detailsUnavailable = detailsUnavailable;
  }

  /** The job in its final status, as the public API last answered it. */
  public JobResponse job() {
    return job;
  }

  public long jobId() {
    return job.getJobId();
  }

  /** The job's final status. */
  public JobStatusEnum status() {
    return job.getStatus();
  }

  /** Whether this call started the job. */
  public boolean started() {
    return !joined;
  }

  /** Whether the job was already running (started by a schedule, another process or an earlier call) and joined. */
  public boolean joined() {
    return joined;
  }

  /**
   * Whether the job ended {@code succeeded}; false for a {@linkplain #zeroCountSuccess() zero-count success} when
   * {@link SyncOptions#zeroCountSuccessIsFailure()} was set.
   */
  public boolean succeeded() {
    return job.getStatus() == JobStatusEnum.SUCCEEDED && !(zeroCountSuccess && zeroCountIsFailure);
  }

  /**
   * Whether a sync ended {@code succeeded} having moved 0 bytes and 0 rows. Airbyte reports a sync it failed to
   * launch this way (airbytehq/airbyte#85355), and its success webhook says success too; an incremental sync with
   * nothing new also moves nothing, so it is not a failure unless {@link SyncOptions#zeroCountSuccessIsFailure()}
   * says so. Never true for a reset or a clear, which move nothing by design.
   */
  public boolean zeroCountSuccess() {
    return zeroCountSuccess;
  }

  /** The job's attempts and failures from the internal Config API, when it is on and answered. */
  public Optional<JobDetails> details() {
    return Optional.ofNullable(details);
  }

  /** The first failure of the attempt that decided the job's status, when {@link #details()} has one. */
  public Optional<JobFailure> failure() {
    return details == null ? Optional.empty() : details.failure();
  }

  /**
   * Why {@link #details()} is empty for a job that did not succeed: the Config API is off, refused (403), not found
   * (404), answered something else, or the deadline had passed. Empty when details were had or not needed.
   */
  public Optional<String> detailsUnavailable() {
    return Optional.ofNullable(detailsUnavailable);
  }

  /**
   * One line for a log, without secrets: {@code job 12 (started) succeeded: 1000 rows, 100000 bytes}, {@code job 12
   * (joined) failed after 3 attempts: source config_error: Invalid credentials}, or, without details, {@code job 12
   * (started) failed; no reason: the internal Config API is off (...)}.
   */
  public String summary() {
    String head = "job " + job.getJobId() + " (" + (joined ? "joined" : "started") + ") ";
    String status = job.getStatus() == null ? "in an unknown status" : job.getStatus().getValue();
    if (job.getStatus() == JobStatusEnum.SUCCEEDED && !zeroCountSuccess) {
      return head + status + ": " + job.getRowsSynced() + " rows, " + job.getBytesSynced() + " bytes";
    }
    String zero = zeroCountSuccess ? " with 0 rows and 0 bytes (Airbyte reports a sync it failed to launch so)" : "";
    if (details != null && details.failure().isPresent()) {
      int attempts = details.attempts().size();
      return head + status + zero + " after " + attempts + (attempts == 1 ? " attempt: " : " attempts: ")
          + details.failure().get().summary();
    }
    if (details != null) return head + status + zero + "; Airbyte gives no failure reason";
    return head + status + zero + (detailsUnavailable == null ? "" : "; no reason: " + detailsUnavailable);
  }

  @Override
  public String toString() {
    return "SyncOutcome{" + summary() + '}';
  }
}
