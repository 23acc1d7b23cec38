package io.github.airbytejava.webhook;

import io.github.airbytejava.AirbyteException;

/** A webhook body that is not one of Airbyte's: not JSON, not an object, or without {@code text} and {@code data}. */
public class WebhookParseException extends AirbyteException {
  private static final long serialVersionUID = 1L;

  public WebhookParseException(String message, Throwable cause) {
    super(message, cause);
  }
}
