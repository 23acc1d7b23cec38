package io.github.airbytejava;

import io.github.airbytejava.generated.model.JobResponse;

/**
 * What {@link Syncs#start} did: started a new job, or joined the job of that connection and type that was already
 * active (Airbyte runs one job per connection at a time).
 *
 * @param job the job as created or found; it usually has not finished, and always has its id
 * @param joined true when the job was already active, false when this call started it
 */
public record JobStart(JobResponse job, boolean joined) {

  /** Whether this call started the job. */
  public boolean started() {
    return !joined;
  }

  /** The job's id. */
  public long jobId() {
    return job.getJobId();
  }
}
