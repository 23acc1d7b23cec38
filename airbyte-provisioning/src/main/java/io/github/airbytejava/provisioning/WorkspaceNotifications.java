package io.github.airbytejava.provisioning;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which notifications a workspace sends, by e-mail and by webhook, per kind of event. Only the events and the parts
 * given are managed; the rest is the server's. A webhook URL may carry a token (Slack's does), so it is a secret:
 * give it as a {@link Secret} reference, resolved only when sent, never printed.
 *
 * <pre>{@code
 * WorkspaceNotifications.builder()
 *     .email(Event.FAILURE, true)
 *     .webhook(Event.FAILURE, Secret.ref("SLACK_WEBHOOK_URL"))   // enabled, with this URL
 *     .webhookEnabled(Event.SUCCESS, false)
 *     .build();
 * }</pre>
 */
public final class WorkspaceNotifications {
  /** The kinds of event a workspace notifies of, as the API's {@code NotificationsConfig} names them. */
  public enum Event {
    FAILURE("failure"), SUCCESS("success"), CONNECTION_UPDATE("connectionUpdate"),
    CONNECTION_UPDATE_ACTION_REQUIRED("connectionUpdateActionRequired"), SYNC_DISABLED("syncDisabled"),
    SYNC_DISABLED_WARNING("syncDisabledWarning");

    private final String wireName;

    Event(String wireName) {
      this.wireName = wireName;
    }

    /** As the API writes it: {@code connectionUpdate}. */
    public String wireName() {
      return wireName;
    }

    static Event of(String wireName) {
      for (Event e : values()) if (e.wireName.equals(wireName)) return e;
      return null;
    }
  }

  /**
   * How one event is delivered; a null part is not managed. {@code webhookUrl} is a {@link Secret}, or a literal
   * URL (a string), which is a secret too.
   */
  public static final class Delivery {
    private final Boolean email;
    private final Boolean webhookEnabled;
    private final Object webhookUrl;

    Delivery(Boolean email, Boolean webhookEnabled, Object webhookUrl) {
      this.email = email;
      this.webhookEnabled = webhookEnabled;
      this.webhookUrl = webhookUrl;
    }

    public Boolean email() {
      return email;
    }

    public Boolean webhookEnabled() {
      return webhookEnabled;
    }

    /** A {@link Secret}, a literal URL, or null. */
    public Object webhookUrl() {
      return webhookUrl;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Delivery d && Objects.equals(d.email, email) && Objects.equals(d.webhookEnabled,
          webhookEnabled) && Objects.equals(d.webhookUrl, webhookUrl);
    }

    @Override
    public int hashCode() {
      return Objects.hash(email, webhookEnabled, webhookUrl);
    }

    /** The URL as {@code (secret)}, or a reference as itself: never the value. */
    @Override
    public String toString() {
      return "{email=" + email + ", webhook=" + webhookEnabled + (webhookUrl == null ? "" : ", url="
          + (webhookUrl instanceof Secret s ? s.template() : "(secret)")) + "}";
    }
  }

  private final Map<Event, Delivery> events;

  private WorkspaceNotifications(Map<Event, Delivery> events) {
    this.events = Collections.unmodifiableMap(new EnumMap<>(events));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The managed events, in the order of {@link Event}. */
  public Map<Event, Delivery> events() {
    return events;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WorkspaceNotifications n && n.events.equals(events);
  }

  @Override
  public int hashCode() {
    return events.hashCode();
  }

  @Override
  public String toString() {
    return "WorkspaceNotifications" + events;
  }

  /** Builds {@link WorkspaceNotifications}. */
  public static final class Builder {
    private final Map<Event, Delivery> events = new EnumMap<>(Event.class);

    private Builder() {}

    /** Whether e-mails are sent for the event. */
    public Builder email(Event event, boolean enabled) {
      Delivery d = get(event);
      events.put(event, new Delivery(enabled, d.webhookEnabled, d.webhookUrl));
      return this;
    }

    /** The webhook is called for the event, at this URL. */
    public Builder webhook(Event event, Secret url) {
      Objects.requireNonNull(url, "url");
      Delivery d = get(event);
      events.put(event, new Delivery(d.email, true, url));
      return this;
    }

    /**
     * The webhook is called for the event, at this URL: a {@code ${NAME}} reference is a {@link Secret}, any other
     * string a literal URL, which is handled as a secret too.
     */
    public Builder webhook(Event event, String url) {
      Objects.requireNonNull(url, "url");
      Object value = Values.desired(url);
      Delivery d = get(event);
      events.put(event, new Delivery(d.email, true, value));
      return this;
    }

    /** Whether the webhook is called for the event, its URL not managed. */
    public Builder webhookEnabled(Event event, boolean enabled) {
      Delivery d = get(event);
      events.put(event, new Delivery(d.email, enabled, d.webhookUrl));
      return this;
    }

    private Delivery get(Event event) {
      return events.getOrDefault(Objects.requireNonNull(event, "event"), new Delivery(null, null, null));
    }

    public WorkspaceNotifications build() {
      return new WorkspaceNotifications(events);
    }
  }
}
