package io.github.airbytejava.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads a {@code Retry-After} header: delay-seconds or an HTTP date (RFC 9110, section 10.2.3). */
public final class RetryAfter {
  private RetryAfter() {}

  /** The wait the header asks for, never negative; null when the header is absent or unreadable. */
  public static Duration parse(String header, Clock clock) {
    if (header == null || header.isBlank()) return null;
    String value = header.trim();
    if (value.chars().allMatch(Character::isDigit)) {
      try {
        return Duration.ofSeconds(Long.parseLong(value));
      } catch (NumberFormatException e) {
        return null; // more digits than a long holds: not a wait anyone means
      }
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(clock.instant(), at.toInstant());
      return wait.isNegative() ? Duration.ZERO : wait;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
