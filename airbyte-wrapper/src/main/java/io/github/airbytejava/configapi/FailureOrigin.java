package io.github.airbytejava.configapi;

import io.github.airbytejava.internal.LenientEnums;
import java.util.Locale;

/** Where a failure came from, as Airbyte's Config API and its webhooks name it. */
public enum FailureOrigin {
  SOURCE,
  DESTINATION,
  REPLICATION,
  PERSISTENCE,
  AIRBYTE_PLATFORM,
  NORMALIZATION,
  DBT,
  /** Not set, Airbyte's own {@code unknown}, or a value this client does not know. */
  UNKNOWN;

  /** The value for Airbyte's lower-case name; {@link #UNKNOWN} for null or a name this client does not know. */
  public static FailureOrigin of(String value) {
    return LenientEnums.of(FailureOrigin.class, value, UNKNOWN);
  }

  /** Airbyte's name, such as {@code airbyte_platform}. */
  public String wireValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
