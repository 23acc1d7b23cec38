package io.github.airbytejava;

/**
 * 400 Bad Request: the request was malformed or failed validation; {@link #getDetail()} says which part.
 */
public class BadRequestException extends AirbyteHttpException {
  private static final long serialVersionUID = 1L;

  public BadRequestException(String method, String path, int statusCode, String title, String detail,
      String problemType, String rawBody, Throwable cause) {
    super(method, path, statusCode, title, detail, problemType, rawBody, cause);
  }
}
