package io.github.airbytejava.generated.invoker;

import okhttp3.Headers;

/**
 * A 2xx response as received, with its parsed body: for a header or a field the spec does not describe. From a
 * request object's {@code executeRaw()}.
 *
 * @param statusCode the HTTP status, 200 to 299
 * @param headers the response headers
 * @param rawBody the body as received, decoded as UTF-8; empty when there was none
 * @param data the parsed body; null for an operation that returns nothing
 */
public record ApiResponse<T>(int statusCode, Headers headers, String rawBody, T data) {

  /** The last value of the header {@code name} (case-insensitive), or null. */
  public String header(String name) {
    return headers.get(name);
  }

  /** Without the body or the headers: either may hold a secret (a token, a connector password, a cookie). */
  @Override
  public String toString() {
    return "ApiResponse{statusCode=" + statusCode + ", contentType=" + headers.get("Content-Type") + ", bodyLength="
        + rawBody.length() + '}';
  }
}
