package io.github.airbytejava.provisioning;

import java.util.Locale;

/**
 * Whether a connection syncs on its schedule. Only the values a request may set: {@code deprecated} and
 * {@code locked} are the server's to give.
 */
public enum ConnectionStatus {
  ACTIVE, INACTIVE;

  /** As the API writes it: {@code active}. */
  public String wireValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
