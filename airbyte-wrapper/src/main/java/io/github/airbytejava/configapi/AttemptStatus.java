package io.github.airbytejava.configapi;

import io.github.airbytejava.internal.LenientEnums;

/** The status of one attempt of a job. */
public enum AttemptStatus {
  RUNNING,
  FAILED,
  SUCCEEDED,
  /** Not set, or a value this client does not know. */
  UNKNOWN;

  /** The value for Airbyte's lower-case name; {@link #UNKNOWN} for null or a name this client does not know. */
  public static AttemptStatus of(String value) {
    return LenientEnums.of(AttemptStatus.class, value, UNKNOWN);
  }
}
