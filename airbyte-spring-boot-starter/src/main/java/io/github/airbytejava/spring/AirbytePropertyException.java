package io.github.airbytejava.spring;

/**
 * An {@code airbyte.*} property is missing, contradicts another or has a bad value. The message names the property
 * and what is wrong with it, never the value of a secret.
 */
public final class AirbytePropertyException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String property;

  AirbytePropertyException(String property, String problem, Throwable cause) {
    super(property + ": " + problem, cause);
    this.property = property;
  }

  /** The property at fault, such as {@code airbyte.client-secret}. */
  public String property() {
    return property;
  }
}
