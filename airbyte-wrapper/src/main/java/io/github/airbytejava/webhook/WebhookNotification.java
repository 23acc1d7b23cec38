package io.github.airbytejava.webhook;

import io.github.airbytejava.internal.WebhookBodies;
import java.util.Optional;

/**
 * A body Airbyte POSTed to a webhook URL: Slack's {@code text} (and {@code blocks}, ignored) and, for sync events,
 * the {@code data} meant for programs. The "test" button of Airbyte's UI sends {@code text} alone.
 *
 * <pre>{@code
 * WebhookNotification notification = WebhookNotification.parse(requestBody);
 * notification.sync().ifPresent(sync -> {
 *   if (!Boolean.TRUE.equals(sync.success())) alert(sync.connection().name() + ": " + sync.errorMessage());
 * });
 * }</pre>
 *
 * <p>Airbyte does not sign its webhooks: anyone who knows the URL can POST one. Before acting on one, confirm it
 * with {@link Webhooks#confirm(WebhookNotification)}.
 */
public final class WebhookNotification {
  private final String text;
  private final SyncNotification sync;

  public WebhookNotification(String text, SyncNotification sync) {
    this.text = text;
    this.sync = sync;
  }

  /**
   * Parses a webhook body. Tolerant: unknown fields are ignored, missing ones are null.
   *
   * @throws WebhookParseException if the body is not a JSON object, or has neither {@code text} nor a {@code data}
   *     object (then it is no notification of a version this client knows); the message quotes no more than the
   *     body's start, masked
   */
  public static WebhookNotification parse(String body) {
    return WebhookBodies.parse(body);
  }

  /** The message for Slack (or the test button's text); null when absent. */
  public String text() {
    return text;
  }

  /** The sync event's data, when the body carries one: not for the test message. */
  public Optional<SyncNotification> sync() {
    return Optional.ofNullable(sync);
  }

  /** Whether this is a message without {@code data}, such as the one the UI's "test" button sends. */
  public boolean isTest() {
    return sync == null;
  }

  @Override
  public String toString() {
    return "WebhookNotification{" + (sync == null ? "text only" : "job " + sync.jobId() + ", success=" + sync.success())
        + '}';
  }
}
