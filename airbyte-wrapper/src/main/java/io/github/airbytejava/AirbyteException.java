package io.github.airbytejava;

/**
 * Root of every exception this client throws. Unchecked, like OkHttp's and the Stainless SDKs': callers catch
 * the subtypes they can act on and let the rest propagate. No message ever contains a secret.
 */
public class AirbyteException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AirbyteException(String message) {
    super(message);
  }

  public AirbyteException(String message, Throwable cause) {
    super(message, cause);
  }
}
