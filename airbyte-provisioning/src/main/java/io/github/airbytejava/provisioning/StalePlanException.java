package io.github.airbytejava.provisioning;

import io.github.airbytejava.AirbyteException;

/**
 * A plan that no longer matches the live workspace: a resource it updates or deletes changed (or went) since it was
 * made, or a resource it creates appeared meanwhile (another apply running at the same time). Nothing was written
 * for that change; plan again.
 */
public class StalePlanException extends AirbyteException {
  private static final long serialVersionUID = 1L;

  public StalePlanException(String message) {
    super(message);
  }

  public StalePlanException(String message, Throwable cause) {
    super(message, cause);
  }
}
