package io.github.airbytejava.testkit;

import java.util.Objects;

/**
 * Why the failed attempts of a job of the fake failed, as the Config API's {@code failureSummary} says it and the
 * failure webhook repeats it. Set with {@link FakeAirbyte#setFailure(long, FakeFailure)}. Immutable.
 *
 * <pre>{@code
 * fake.setFailure(jobId, FakeFailure.of("source", "config_error", "Invalid credentials for the source.")
 *     .withInternalMessage("HTTP 401 from the source's API").retryable(false));
 * }</pre>
 */
public final class FakeFailure {
  private final String origin;
  private final String type;
  private final String externalMessage;
  private final String internalMessage;
  private final String stackTrace;
  private final Boolean retryable;

  private FakeFailure(String origin, String type, String externalMessage, String internalMessage, String stackTrace,
      Boolean retryable) {
    this.origin = origin;
    this.type = type;
    this.externalMessage = externalMessage;
    this.internalMessage = internalMessage;
    this.stackTrace = stackTrace;
    this.retryable = retryable;
  }

  /**
   * A failure with Airbyte's origin ({@code source}, {@code destination}, {@code replication}, {@code persistence},
   * {@code airbyte_platform}, ...) and type ({@code config_error}, {@code system_error}, {@code transient_error},
   * ...), sent as given (any text, to test a client with values it does not know), and the message meant for users.
   */
  public static FakeFailure of(String origin, String type, String externalMessage) {
    return new FakeFailure(Objects.requireNonNull(origin, "origin"), Objects.requireNonNull(type, "type"),
        Objects.requireNonNull(externalMessage, "externalMessage"), null, null, null);
  }

  /** What a failed attempt of the fake reports when the test set nothing. */
  static FakeFailure defaultFor(int attempt) {
    return of("source", "system_error", "Attempt " + attempt + " of the fake Airbyte's job failed.")
        .withInternalMessage("The fake Airbyte was told to fail this attempt.");
  }

  /** The message meant for Airbyte's developers. */
  public FakeFailure withInternalMessage(String internalMessage) {
    return new FakeFailure(origin, type, externalMessage, internalMessage, stackTrace, retryable);
  }

  /** The stack trace, sent only by {@code jobs/get} and {@code jobs/get_without_logs}, as Airbyte does. */
  public FakeFailure withStackTrace(String stackTrace) {
    return new FakeFailure(origin, type, externalMessage, internalMessage, stackTrace, retryable);
  }

  /** Whether retrying may help; not sent unless set. */
  public FakeFailure retryable(boolean retryable) {
    return new FakeFailure(origin, type, externalMessage, internalMessage, stackTrace, retryable);
  }

  String origin() {
    return origin;
  }

  String type() {
    return type;
  }

  String externalMessage() {
    return externalMessage;
  }

  String internalMessage() {
    return internalMessage;
  }

  String stackTrace() {
    return stackTrace;
  }

  Boolean isRetryable() {
    return retryable;
  }

  @Override
  public String toString() {
    return "FakeFailure[" + origin + " " + type + ": " + externalMessage + "]";
  }
}
