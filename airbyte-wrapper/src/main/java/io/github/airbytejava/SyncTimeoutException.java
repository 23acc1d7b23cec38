package io.github.airbytejava;

import io.github.airbytejava.generated.model.JobResponse;
import io.github.airbytejava.generated.model.JobStatusEnum;
import java.time.Duration;

/**
 * A job did not reach a terminal status before the deadline of {@link SyncOptions#timeout()}. The job was
 * cancelled only if {@link SyncOptions#cancelOnTimeout()} was set and the cancel call succeeded
 * ({@link #isCancelled()}); otherwise it is still running on the server.
 */
public class SyncTimeoutException extends AirbyteException {
  private static final long serialVersionUID = 1L;

  private final transient JobResponse lastJob;
  private final long jobId;
  private final boolean cancelled;

  public SyncTimeoutException(long jobId, JobResponse lastJob, Duration timeout, boolean cancelled, Throwable cause) {
    super("Job " + jobId + " did not finish within " + timeout
        + (status(lastJob) == null ? "" : "; last status " + status(lastJob))
        + (cancelled ? "; it was cancelled" : "; it was not cancelled"), cause);
    this.jobId = jobId;
    this.lastJob = lastJob;
    this.cancelled = cancelled;
  }

  /** The status as the server sent it, also one this client does not know yet. */
  private static String status(JobResponse job) {
    if (job == null || job.getStatus() == null) return null;
    if (job.getStatus() == JobStatusEnum.UNKNOWN_DEFAULT_OPEN_API && job.getAdditionalProperty("status") != null) {
      return String.valueOf(job.getAdditionalProperty("status"));
    }
    return job.getStatus().getValue();
  }

  /** The id of the job that was waited for. */
  public long getJobId() {
    return jobId;
  }

  /** The job as last seen: the answer to the cancel call if it was cancelled, else the last poll. */
  public JobResponse getLastJob() {
    return lastJob;
  }

  /** Whether the job was cancelled on the server because the deadline passed. */
  public boolean isCancelled() {
    return cancelled;
  }
}
