package io.github.airbytejava.generated.invoker;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Typed views of the strings some models keep as the server sent them (job times and durations): the typed
 * accessor reads the string each time, and a string that does not parse is null there, while the string itself
 * stays readable, so a value this client cannot read never breaks reading the model.
 *
 * <p>Not part of the client's API: only the generated models call it, and it may change in any release.
 */
public final class ModelValues {
  private ModelValues() {}

  /**
   * An ISO-8601 date-time as Airbyte writes it ({@code OffsetDateTime.toString()}: {@code 2025-03-25T01:30:50Z},
   * {@code 2025-03-25T01:30Z} when the seconds are zero, fractions of a second when there are some); one without an
   * offset is read as UTC. Null for null or anything else.
   */
  public static OffsetDateTime offsetDateTime(String raw) {
    if (raw == null) return null;
    try {
      return OffsetDateTime.parse(raw);
    } catch (DateTimeException e) {
      try {
        return LocalDateTime.parse(raw).atOffset(ZoneOffset.UTC);
      } catch (DateTimeException notLocal) {
        return null;
      }
    }
  }

  /** An ISO-8601 duration such as {@code PT8H6M12S} or {@code P1DT2H}; null for null or anything else. */
  public static Duration duration(String raw) {
    if (raw == null) return null;
    try {
      return Duration.parse(raw);
    } catch (DateTimeException e) {
      return null;
    }
  }
}
