package io.github.airbytejava;

/**
 * Airbyte answered with a status that is not 2xx. Subclasses name the common statuses; this class covers the
 * others. The message always names the method, the URL path, the status, and the problem's title and detail.
 */
public class AirbyteHttpException extends AirbyteException {
  private static final long serialVersionUID = 1L;

  private final String method;
  private final String path;
  private final int statusCode;
  private final String title;
  private final String detail;
  private final String problemType;
  private final String rawBody;

  public AirbyteHttpException(String method, String path, int statusCode, String title, String detail,
      String problemType, String rawBody, Throwable cause) {
    super(describe(method, path, statusCode, title, detail), cause);
    this.method = method;
    this.path = path;
    this.statusCode = statusCode;
    this.title = title;
    this.detail = detail;
    this.problemType = problemType;
    this.rawBody = rawBody;
  }

  static String describe(String method, String path, int statusCode, String title, String detail) {
    StringBuilder sb = new StringBuilder().append(method).append(' ').append(path).append(" failed: ");
    sb.append(statusCode == 0 ? "no HTTP response" : "HTTP " + statusCode);
    if (title != null && !title.isBlank()) sb.append(": ").append(title);
    if (detail != null && !detail.isBlank() && !detail.equals(title)) sb.append(": ").append(detail);
    return sb.toString();
  }

  /** The HTTP method of the failed call, such as {@code POST}. */
  public String getMethod() {
    return method;
  }

  /** The URL path of the failed call, such as {@code /v1/jobs}; never the query string. */
  public String getPath() {
    return path;
  }

  /** The HTTP status, or 0 when no response was received. */
  public int getStatusCode() {
    return statusCode;
  }

  /** The problem's title (or the HTTP reason), or null. */
  public String getTitle() {
    return title;
  }

  /** The problem's detail, or null. */
  public String getDetail() {
    return detail;
  }

  /** The problem's {@code type}, such as {@code error:resource-not-found}, or null. */
  public String getProblemType() {
    return problemType;
  }

  /**
   * The start of the response body (a bounded size), or null; its secrets and connector configuration values masked
   * as in a logged body, so it is no longer byte for byte what was received.
   */
  public String getRawBody() {
    return rawBody;
  }
}
