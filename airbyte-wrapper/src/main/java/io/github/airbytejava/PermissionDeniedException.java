package io.github.airbytejava;

/**
 * 403 Forbidden: the credentials are valid but may not act on this resource (another workspace or organization,
 * or a role without the permission).
 */
public class PermissionDeniedException extends AirbyteHttpException {
  private static final long serialVersionUID = 1L;

  public PermissionDeniedException(String method, String path, int statusCode, String title, String detail,
      String problemType, String rawBody, Throwable cause) {
    super(method, path, statusCode, title, detail, problemType, rawBody, cause);
  }
}
