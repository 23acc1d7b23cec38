package io.github.airbytejava.configapi;

import io.github.airbytejava.internal.LenientEnums;
import java.util.Locale;

/** What kind of failure it was, as Airbyte's Config API and its webhooks name it. */
public enum FailureType {
  /** The connector's configuration is wrong (credentials, permissions, a missing table): retrying will not help. */
  CONFIG_ERROR,
  SYSTEM_ERROR,
  MANUAL_CANCELLATION,
  REFRESH_SCHEMA,
  HEARTBEAT_TIMEOUT,
  DESTINATION_TIMEOUT,
  TRANSIENT_ERROR,
  /** Not set, or a value this client does not know. */
  UNKNOWN;

  /** The value for Airbyte's lower-case name; {@link #UNKNOWN} for null or a name this client does not know. */
  public static FailureType of(String value) {
    return LenientEnums.of(FailureType.class, value, UNKNOWN);
  }

  /** Airbyte's name, such as {@code config_error}. */
  public String wireValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
