package io.github.airbytejava;

/**
 * Airbyte answered 2xx, but the body is not what the operation returns: not JSON (often an HTML page, which
 * usually means the base URL points at the web app rather than the API), truncated JSON, an empty body, or JSON
 * of the wrong shape. The message names the method, the URL path and the status.
 */
public class MalformedResponseException extends AirbyteException {
  private static final long serialVersionUID = 1L;

  private final String method;
  private final String path;
  private final int statusCode;
  private final String contentType;
  private final String rawBody;

  public MalformedResponseException(String method, String path, int statusCode, String contentType, String reason,
      String rawBody, Throwable cause) {
    super(method + ' ' + path + " failed: HTTP " + statusCode + " with an unreadable body"
        + (contentType == null ? "" : " (" + contentType + ")") + ": " + reason, cause);
    this.method = method;
    this.path = path;
    this.statusCode = statusCode;
    this.contentType = contentType;
    this.rawBody = rawBody;
  }

  /** The HTTP method of the call, such as {@code GET}. */
  public String getMethod() {
    return method;
  }

  /** The URL path of the call; never the query string. */
  public String getPath() {
    return path;
  }

  /** The (successful) HTTP status. */
  public int getStatusCode() {
    return statusCode;
  }

  /** The response's {@code Content-Type}, or null. */
  public String getContentType() {
    return contentType;
  }

  /**
   * The start of the response body (a bounded size), or null; its secrets and connector configuration values masked
   * as in a logged body, so it is no longer byte for byte what was received.
   */
  public String getRawBody() {
    return rawBody;
  }
}
