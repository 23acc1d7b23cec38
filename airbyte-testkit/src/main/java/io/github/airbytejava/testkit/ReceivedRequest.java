package io.github.airbytejava.testkit;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request as the fake Airbyte received it.
 *
 * @param method the HTTP method, e.g. {@code "POST"}
 * @param path the path as sent, base path included, e.g. {@code "/v1/jobs"}
 * @param query the raw query string without {@code ?}, or null when there is none
 * @param headers header values by lower-case name
 * @param body the body as UTF-8 text; empty when there was none or when it was not read
 *     ({@link Fault#disconnectBeforeBody()})
 */
public record ReceivedRequest(String method, String path, String query, Map<String, List<String>> headers,
    String body) {

  public ReceivedRequest {
    headers = Map.copyOf(headers);
  }

  /** The first value of this header (any case), or null. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** {@code "GET /v1/sources?limit=5"}: the request line without the HTTP version. */
  public String target() {
    return method + " " + path + (query == null ? "" : "?" + query);
  }

  /** The request line only: headers are left out because they carry the bearer token. */
  @Override
  public String toString() {
    return target();
  }
}
