package io.github.airbytejava.webhook;

import io.github.airbytejava.generated.model.JobResponse;
import java.util.Optional;

/**
 * Whether a webhook notification agrees with the job as the API tells it (see {@link Webhooks#confirm}).
 *
 * @param confirmed true when the job exists, belongs to the connection named, has ended, and ended as the payload
 *     says (success or not)
 * @param reason why it was not confirmed, or {@code "confirmed"}
 * @param job the job as the API answered it; null when it could not be read
 */
public record WebhookConfirmation(boolean confirmed, String reason, JobResponse job) {

  /** The job as the API answered it, when it could be read. */
  public Optional<JobResponse> apiJob() {
    return Optional.ofNullable(job);
  }
}
