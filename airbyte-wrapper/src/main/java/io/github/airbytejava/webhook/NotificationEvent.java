package io.github.airbytejava.webhook;

/** The kinds of event a workspace can notify of, as the public API's {@code NotificationsConfig} names them. */
public enum NotificationEvent {
  /** A sync failed. */
  FAILURE("failure"),
  /** A sync succeeded. */
  SUCCESS("success"),
  /** A connection's schema changed. */
  CONNECTION_UPDATE("connectionUpdate"),
  /** A connection's schema changed and someone must act. */
  CONNECTION_UPDATE_ACTION_REQUIRED("connectionUpdateActionRequired"),
  /** A connection was disabled after failing repeatedly. */
  SYNC_DISABLED("syncDisabled"),
  /** A connection is about to be disabled after failing repeatedly. */
  SYNC_DISABLED_WARNING("syncDisabledWarning");

  private final String field;

  NotificationEvent(String field) {
    this.field = field;
  }

  /** The field of {@code NotificationsConfig}, such as {@code syncDisabledWarning}. */
  public String field() {
    return field;
  }
}
