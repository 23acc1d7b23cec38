package io.github.airbytejava.configapi;

import java.util.stream.Stream;

/**
 * Job details from Airbyte's <strong>internal, unversioned</strong> Config API: attempts, failure reasons and logs,
 * which the public API does not give. Obtained from {@link io.github.airbytejava.AirbyteClient#internalConfigApi()};
 * off unless the client was built with {@link io.github.airbytejava.AirbyteClient.Builder#enableInternalConfigApi()}
 * or {@link io.github.airbytejava.AirbyteClient.Builder#internalConfigApiUrl(String)}.
 *
 * <p>Requests go to the Config API root ({@code http://HOST:8000/api/v1} for a self-managed install,
 * {@code https://cloud.airbyte.com/api/v1} for Cloud) with the client's token. Every method throws
 * {@link DetailsUnavailableException} (with a {@link DetailsUnavailableException.Reason}) when the details cannot be
 * had: turned off, refused (401, 403), not found (404), an answer of an unknown shape, or no answer. Every text
 * returned has been masked.
 *
 * <pre>{@code
 * JobDetails details = client.internalConfigApi().jobDetails(jobId);
 * details.failure().ifPresent(f -> log.error("{} failed: {}", jobId, f.summary()));
 * try (Stream<LogLine> lines = client.internalConfigApi().logs(jobId)) {
 *   lines.forEach(line -> log.info("{}", line));
 * }
 * }</pre>
 */
public interface InternalConfigApi {

  /** Whether the client was built with the Config API turned on. */
  boolean enabled();

  /** The Config API root, such as {@code http://localhost:8000/api/v1}; null when {@linkplain #enabled() off}. */
  String rootUrl();

  /**
   * The job's attempts and failure reasons, without logs and stack traces ({@code POST jobs/get_without_logs}).
   *
   * @throws DetailsUnavailableException if they cannot be had, saying why
   */
  default JobDetails jobDetails(long jobId) {
    return jobDetails(jobId, false);
  }

  /**
   * The job's attempts and failure reasons, without logs ({@code POST jobs/get_without_logs}); with each failure's
   * stack trace when {@code withStackTraces} (they can be long).
   *
   * @throws DetailsUnavailableException if they cannot be had, saying why
   */
  JobDetails jobDetails(long jobId, boolean withStackTraces);

  /**
   * One attempt of the job ({@code POST attempt/get_for_job}), without stack traces.
   *
   * @param attemptNumber Airbyte's attempt number, 0 for the first
   * @throws DetailsUnavailableException if it cannot be had, saying why
   */
  JobAttempt attempt(long jobId, int attemptNumber);

  /**
   * The job's log lines, every attempt's in order, masked, read from the response as the stream is consumed
   * ({@code POST jobs/get}): a log of megabytes is never held whole. Close the stream (try-with-resources) to
   * release the connection when you stop early. A failure while reading ends the stream with a
   * {@link DetailsUnavailableException}.
   *
   * @throws DetailsUnavailableException if the log cannot be had, saying why
   */
  Stream<LogLine> logs(long jobId);
}
