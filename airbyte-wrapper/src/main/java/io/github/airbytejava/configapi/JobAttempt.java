package io.github.airbytejava.configapi;

import java.time.Instant;
import java.util.List;

/**
 * One attempt of a job ({@code AttemptRead} in the Config API). Airbyte retries a sync whose attempt failed, so a
 * failed job usually has several.
 *
 * @param number Airbyte's attempt number, 0 for the first
 * @param status how it ended, or {@link AttemptStatus#RUNNING}
 * @param createdAt when it started
 * @param endedAt when it ended; null while it runs
 * @param bytesSynced bytes it moved; 0 when Airbyte does not say
 * @param recordsSynced records it moved; 0 when Airbyte does not say
 * @param failures why it failed, the first being the one Airbyte reports; empty when it did not fail
 * @param partialSuccess whether it committed records before failing; null when Airbyte does not know
 */
public record JobAttempt(int number, AttemptStatus status, Instant createdAt, Instant endedAt, long bytesSynced,
    long recordsSynced, List<JobFailure> failures, Boolean partialSuccess) {

  public JobAttempt {
    failures = List.copyOf(failures);
  }
}
