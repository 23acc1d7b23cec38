package io.github.airbytejava.configapi;

import java.time.Instant;

/**
 * One reason an attempt failed ({@code FailureReason} in the Config API). Every text has been through the client's
 * masking (tokens, JWTs, private keys, values of secret-looking keys) and is capped in length.
 *
 * @param origin where it failed; {@link FailureOrigin#UNKNOWN} when Airbyte does not say
 * @param type what kind of failure; {@link FailureType#UNKNOWN} when Airbyte does not say
 * @param message the message Airbyte means for users ({@code externalMessage}); null when absent
 * @param internalMessage the message meant for Airbyte's developers; null when absent
 * @param retryable whether retrying may help; null when Airbyte does not know
 * @param timestamp when it happened; null when absent
 * @param stream the stream it concerns ({@code namespace.name} or {@code name}); null when it concerns no one stream
 * @param stackTrace the stack trace, only when asked for ({@link InternalConfigApi#jobDetails(long, boolean)}); null
 *     otherwise
 */
public record JobFailure(FailureOrigin origin, FailureType type, String message, String internalMessage,
    Boolean retryable, Instant timestamp, String stream, String stackTrace) {

  /** One line for a log: {@code source config_error: Invalid credentials}. */
  public String summary() {
    String text = message != null ? message : internalMessage != null ? internalMessage : "no message";
    return origin.wireValue() + " " + type.wireValue() + (stream == null ? "" : " (stream " + stream + ")") + ": "
        + text.replace('\n', ' ').replace('\r', ' ');
  }

  @Override
  public String toString() {
    return "JobFailure{" + summary() + (retryable == null ? "" : ", retryable=" + retryable) + '}';
  }
}
