package io.github.airbytejava;

/**
 * No usable HTTP response: the connection failed, timed out or broke, or the call was cancelled. The message
 * names the method and the URL path (never the query string). For POST and PATCH the server may or may not have
 * acted on the request; they are never sent again automatically.
 */
public class AirbyteTransportException extends AirbyteException {
  private static final long serialVersionUID = 1L;

  private final String method;
  private final String path;

  public AirbyteTransportException(String method, String path, Throwable cause) {
    super(method + ' ' + path + " failed: no HTTP response: " + describe(cause), cause);
    this.method = method;
    this.path = path;
  }

  private static String describe(Throwable cause) {
    if (cause == null) return "unknown reason";
    String message = cause.getMessage();
    String type = cause.getClass().getSimpleName();
    return message == null || message.isBlank() ? type : message + " (" + type + ")";
  }

  /** The HTTP method of the failed call, such as {@code POST}. */
  public String getMethod() {
    return method;
  }

  /** The URL path of the failed call, such as {@code /v1/jobs}; never the query string. */
  public String getPath() {
    return path;
  }
}
