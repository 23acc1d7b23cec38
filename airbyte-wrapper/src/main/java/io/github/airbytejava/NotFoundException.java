package io.github.airbytejava;

/**
 * 404 Not Found: no resource with this identifier is visible to the caller.
 */
public class NotFoundException extends AirbyteHttpException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String method, String path, int statusCode, String title, String detail,
      String problemType, String rawBody, Throwable cause) {
    super(method, path, statusCode, title, detail, problemType, rawBody, cause);
  }
}
