package io.github.airbytejava.configapi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A job as the internal Config API tells it ({@code JobInfoRead} without logs): its attempts and why each failed.
 *
 * @param jobId the job's id, the public API's {@code jobId}
 * @param configType Airbyte's job type: {@code sync}, {@code reset_connection}, {@code refresh}, {@code clear}, ...
 * @param connectionId the connection ({@code configId}); null when it is not a connection's id
 * @param status the job's status as Airbyte names it: {@code failed}, {@code succeeded}, {@code running}, ...
 * @param createdAt when the job was created; null when absent
 * @param updatedAt when it last changed; null when absent
 * @param attempts its attempts, first first
 */
public record JobDetails(long jobId, String configType, UUID connectionId, String status, Instant createdAt,
    Instant updatedAt, List<JobAttempt> attempts) {

  public JobDetails {
    attempts = List.copyOf(attempts);
  }

  /**
   * The failure Airbyte reports for the job: the first failure of the last attempt that has one (the last attempt
   * is the one that decided the job's status). Empty when no attempt failed with a reason.
   */
  public Optional<JobFailure> failure() {
    for (int i = attempts.size() - 1; i >= 0; i--) {
      List<JobFailure> failures = attempts.get(i).failures();
      if (!failures.isEmpty()) return Optional.of(failures.get(0));
    }
    return Optional.empty();
  }

  /**
   * One line for a log: {@code job 12 failed after 3 attempts: source config_error: Invalid credentials}.
   */
  public String summary() {
    String head = "job " + jobId + " " + status + (attempts.isEmpty() ? "" : " after " + attempts.size()
        + (attempts.size() == 1 ? " attempt" : " attempts"));
    return failure().map(f -> head + ": " + f.summary()).orElse(head);
  }
}
