package io.github.airbytejava.configapi;

import java.time.Instant;

/**
 * One line of a job's log, as the server sends it: a formatted text line, or a structured event (then
 * {@code timestamp}, {@code level} and {@code source} are set). Masked (tokens, JWTs, private keys, values of
 * secret-looking keys) before it reaches you: connectors print what they like.
 *
 * @param attempt the attempt it belongs to, 0 for the first
 * @param timestamp when it was logged; null for a formatted line (the time is in its text)
 * @param level {@code info}, {@code warn}, ...; null for a formatted line
 * @param source {@code source}, {@code destination}, {@code platform}, ...; null for a formatted line
 * @param message the text (for a structured event with a stack trace, followed by it on the next lines)
 */
public record LogLine(int attempt, Instant timestamp, String level, String source, String message) {

  /** The line as a log shows it: a formatted line as is, an event as {@code TIMESTAMP LEVEL [SOURCE] MESSAGE}. */
  @Override
  public String toString() {
    if (timestamp == null && level == null && source == null) return message;
    return (timestamp == null ? "" : timestamp + " ") + (level == null ? "" : level.toUpperCase(java.util.Locale.ROOT)
        + " ") + (source == null ? "" : "[" + source + "] ") + message;
  }
}
