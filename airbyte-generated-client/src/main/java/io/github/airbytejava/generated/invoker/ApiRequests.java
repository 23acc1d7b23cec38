package io.github.airbytejava.generated.invoker;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/** How the generated request classes check their arguments and build OkHttp requests. Not for application code. */
public final class ApiRequests {
  private static final MediaType JSON_TYPE = MediaType.get("application/json");
  private static final RequestBody EMPTY = RequestBody.create(new byte[0], null);

  private ApiRequests() {}

  /** An {@link IllegalArgumentException} naming the operation and the parameter if {@code value} is null. */
  public static void required(String operationId, String name, Object value) {
    if (value == null) {
      throw new IllegalArgumentException(operationId + ": the required parameter '" + name + "' is null");
    }
  }

  /** An {@link IllegalArgumentException} if a path parameter is blank: it would address the list, not an item. */
  public static void notBlank(String operationId, String name, String value) {
    if (value != null && value.isBlank()) {
      throw new IllegalArgumentException(operationId + ": the path parameter '" + name + "' is blank");
    }
  }

  /** An {@link IllegalArgumentException} if {@code value} is below {@code min}. */
  public static void atLeast(String operationId, String name, Number value, long min) {
    if (value != null && value.longValue() < min) {
      throw new IllegalArgumentException(operationId + ": '" + name + "' must be at least " + min + ", was " + value);
    }
  }

  /** An {@link IllegalArgumentException} if {@code value} is above {@code max}. */
  public static void atMost(String operationId, String name, Number value, long max) {
    if (value != null && value.longValue() > max) {
      throw new IllegalArgumentException(operationId + ": '" + name + "' must be at most " + max + ", was " + value);
    }
  }

  /**
   * The base URL with {@code path} appended, its {@code {name}} segments replaced in order by {@code values}, each
   * percent-encoded as one segment (a {@code /} in a value cannot reach another resource).
   */
  public static HttpUrl.Builder url(HttpUrl base, String path, Object... values) {
    HttpUrl.Builder url = base.newBuilder();
    int next = 0;
    int start = 1; // after the leading '/'
    while (start <= path.length()) {
      int end = path.indexOf('/', start);
      if (end < 0) end = path.length();
      String segment = path.substring(start, end);
      if (segment.startsWith("{")) {
        url.addPathSegment(text(values[next++]));
      } else if (!segment.isEmpty()) {
        url.addPathSegment(segment);
      }
      start = end + 1;
    }
    return url;
  }

  /**
   * Adds the query parameter {@code name} unless {@code value} is null: a collection as one parameter per element
   * (none when empty), a map as one parameter per entry, a date-time in ISO-8601 with its offset.
   */
  public static void query(HttpUrl.Builder url, String name, Object value) {
    if (value == null) return;
    if (value instanceof Collection<?> values) {
      for (Object element : values) {
        if (element != null) url.addQueryParameter(name, text(element));
      }
    } else if (value instanceof Map<?, ?> entries) {
      for (Map.Entry<?, ?> entry : entries.entrySet()) {
        if (entry.getKey() != null && entry.getValue() != null) {
          url.addQueryParameter(entry.getKey().toString(), text(entry.getValue()));
        }
      }
    } else {
      url.addQueryParameter(name, text(value));
    }
  }

  /** {@code body} as JSON, or null when there is none. */
  public static RequestBody json(Object body) {
    return body == null ? null : RequestBody.create(JSON.serialize(body).getBytes(StandardCharsets.UTF_8), JSON_TYPE);
  }

  /**
   * The request of {@code operation}, tagged with it ({@code request.tag(ApiOperation.class)}); a POST, PUT or
   * PATCH without a body sends an empty one.
   */
  public static Request request(ApiOperation operation, HttpUrl url, RequestBody body, boolean acceptsJson) {
    String method = operation.method();
    Request.Builder request = new Request.Builder().url(url).tag(ApiOperation.class, operation);
    if (acceptsJson) request.header("Accept", "application/json");
    if (body == null && !method.equals("GET") && !method.equals("DELETE")) body = EMPTY;
    return request.method(method, body).build();
  }

  private static String text(Object value) {
    if (value instanceof OffsetDateTime time) return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    if (value instanceof Enum<?> constant && constant.name().equals("UNKNOWN_DEFAULT_OPEN_API")) {
      // The placeholder for a value this client does not know: sending it would ask the server for nonsense.
      throw new IllegalArgumentException(constant.getDeclaringClass().getSimpleName()
          + ".UNKNOWN_DEFAULT_OPEN_API stands for a value the server sent that this client does not know;"
          + " it cannot be sent");
    }
    return String.valueOf(value);
  }
}
