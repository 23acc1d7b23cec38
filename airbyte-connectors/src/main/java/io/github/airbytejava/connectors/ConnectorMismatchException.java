package io.github.airbytejava.connectors;

/**
 * A configuration was asked for as one connector's class but belongs to another (a GitHub source read as
 * {@code SourcePostgres}), or to a connector this module does not know. The message names both.
 */
public final class ConnectorMismatchException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public ConnectorMismatchException(String message) {
    super(message);
  }
}
