package io.github.airbytejava;

/**
 * 422 Unprocessable Entity: the request was well formed but its content was refused, for example a connector
 * configuration that does not match the connector's specification.
 */
public class UnprocessableEntityException extends AirbyteHttpException {
  private static final long serialVersionUID = 1L;

  public UnprocessableEntityException(String method, String path, int statusCode, String title, String detail,
      String problemType, String rawBody, Throwable cause) {
    super(method, path, statusCode, title, detail, problemType, rawBody, cause);
  }
}
