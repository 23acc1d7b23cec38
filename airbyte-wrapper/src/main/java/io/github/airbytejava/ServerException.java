package io.github.airbytejava;

/**
 * A 5xx status: the server, or a proxy in front of it, failed. When retries are on, GET, PUT and DELETE were
 * already retried on 502, 503 and 504; POST and PATCH never are, because the server may have acted on them.
 */
public class ServerException extends AirbyteHttpException {
  private static final long serialVersionUID = 1L;

  public ServerException(String method, String path, int statusCode, String title, String detail, String problemType,
      String rawBody, Throwable cause) {
    super(method, path, statusCode, title, detail, problemType, rawBody, cause);
  }
}
