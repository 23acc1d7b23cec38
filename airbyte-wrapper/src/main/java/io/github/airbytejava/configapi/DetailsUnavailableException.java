package io.github.airbytejava.configapi;

import io.github.airbytejava.AirbyteException;

/**
 * The internal Config API could not tell about a job; {@link #reason()} says why in a typed way, the message in
 * words. Never holds a token or a body that was not masked.
 */
public class DetailsUnavailableException extends AirbyteException {
  private static final long serialVersionUID = 1L;

  /** Why the details are not available. */
  public enum Reason {
    /** The client was built without the Config API (the default). */
    DISABLED,
    /** The server or a proxy refused it: 401 or 403. */
    REFUSED,
    /** 404: no such job, or no Config API at that URL. */
    NOT_FOUND,
    /** An answer that is not the JSON expected: an HTML page, another shape, a body cut short. */
    UNEXPECTED_RESPONSE,
    /** Any other failure: no response, a 5xx, a timeout. */
    FAILED
  }

  private final Reason reason;

  public DetailsUnavailableException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
