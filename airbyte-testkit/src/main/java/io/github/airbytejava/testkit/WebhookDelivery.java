package io.github.airbytejava.testkit;

/**
 * One webhook POST of the fake (see {@link FakeAirbyte#webhookDeliveries()}).
 *
 * @param url where it went
 * @param jobId the job it tells of
 * @param event {@code success} or {@code failure}
 * @param body the JSON body sent
 * @param attempts how many times it was sent (up to 3: the fake retries a 5xx or no answer, briefly)
 * @param status the receiver's last HTTP status; 0 when it did not answer or the URL was refused
 * @param error why it was not delivered, or null when the receiver answered 2xx
 */
public record WebhookDelivery(String url, long jobId, String event, String body, int attempts, int status,
    String error) {

  /** Whether the receiver answered 2xx. */
  public boolean delivered() {
    return error == null;
  }
}
