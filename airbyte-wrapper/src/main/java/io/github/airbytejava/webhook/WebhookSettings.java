package io.github.airbytejava.webhook;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * Which of a workspace's notifications go to a webhook, for {@link Webhooks#configure}. Events not named are left as
 * they are. Immutable. Webhook URLs hold tokens (a Slack URL is its own credential): {@link #toString()} shows only
 * their scheme and host.
 *
 * <pre>{@code
 * client.webhooks().configure(workspaceId, WebhookSettings.builder()
 *     .send(NotificationEvent.FAILURE, "https://hooks.example.com/airbyte")
 *     .send(NotificationEvent.SUCCESS, "https://hooks.example.com/airbyte")
 *     .build());
 * }</pre>
 */
public final class WebhookSettings {
  /** Per event: the URL to send to, or null to turn its webhook off. */
  private final Map<NotificationEvent, String> urls;

  private WebhookSettings(Map<NotificationEvent, String> urls) {
    this.urls = Collections.unmodifiableMap(new EnumMap<>(urls));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Per event named: the webhook URL, or null when its webhook is turned off. */
  public Map<NotificationEvent, String> urls() {
    return urls;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("WebhookSettings{");
    urls.forEach((event, url) -> {
      if (text.length() > 16) text.append(", ");
      text.append(event.field()).append('=');
      HttpUrl parsed = url == null ? null : HttpUrl.parse(url);
      text.append(url == null ? "off" : parsed.scheme() + "://" + parsed.host() + "/██");
    });
    return text.append('}').toString();
  }

  /** Builds {@link WebhookSettings}; nothing is named unless set. */
  public static final class Builder {
    private final Map<NotificationEvent, String> urls = new EnumMap<>(NotificationEvent.class);

    private Builder() {}

    /**
     * Sends this event to {@code url} by webhook.
     *
     * @throws IllegalArgumentException if the URL is not an absolute http or https URL (its text is not repeated:
     *     it may hold a token)
     */
    public Builder send(NotificationEvent event, String url) {
      Objects.requireNonNull(event, "event");
      if (url == null || HttpUrl.parse(url.trim()) == null) {
        throw new IllegalArgumentException("The webhook URL for " + event.field() + " is not an absolute http or "
            + "https URL");
      }
      urls.put(event, url.trim());
      return this;
    }

    /** Turns this event's webhook off. */
    public Builder off(NotificationEvent event) {
      urls.put(Objects.requireNonNull(event, "event"), null);
      return this;
    }

    /** @throws IllegalArgumentException if no event is named */
    public WebhookSettings build() {
      if (urls.isEmpty()) throw new IllegalArgumentException("Name at least one event to send or turn off");
      return new WebhookSettings(urls);
    }
  }
}
