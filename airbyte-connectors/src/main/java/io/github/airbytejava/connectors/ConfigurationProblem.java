package io.github.airbytejava.connectors;

import java.util.Objects;

/**
 * One way a configuration does not fit its connector's schema: where ({@code ssl_mode}, {@code streams[0].format},
 * empty for the configuration itself) and what is expected ({@code must be one of disable, allow, prefer}). It never
 * quotes the value, which may be a secret.
 */
public final class ConfigurationProblem {
  private final String path;
  private final String message;

  public ConfigurationProblem(String path, String message) {
    this.path = Objects.requireNonNull(path, "path");
    this.message = Objects.requireNonNull(message, "message");
  }

  /** The JSON path, keys joined by dots and array indexes in brackets; empty for the whole configuration. */
  public String path() {
    return path;
  }

  public String message() {
    return message;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConfigurationProblem p && p.path.equals(path) && p.message.equals(message);
  }

  @Override
  public int hashCode() {
    return path.hashCode() * 31 + message.hashCode();
  }

  /** {@code path: message}, or the message alone for the whole configuration. */
  @Override
  public String toString() {
    return path.isEmpty() ? message : path + ": " + message;
  }
}
