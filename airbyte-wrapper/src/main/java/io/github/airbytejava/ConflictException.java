package io.github.airbytejava;

/**
 * 409 Conflict: the resource is in a state that forbids the call, such as a connection that already has a
 * running job ({@link Syncs#start} handles that case), or a name that is taken.
 */
public class ConflictException extends AirbyteHttpException {
  private static final long serialVersionUID = 1L;

  public ConflictException(String method, String path, int statusCode, String title, String detail,
      String problemType, String rawBody, Throwable cause) {
    super(method, path, statusCode, title, detail, problemType, rawBody, cause);
  }
}
