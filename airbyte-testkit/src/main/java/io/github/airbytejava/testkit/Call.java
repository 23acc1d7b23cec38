package io.github.airbytejava.testkit;

import com.google.gson.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * A request as the handlers see it. {@code apiPath} is the path after the base path, e.g. {@code /jobs/12};
 * {@code pathParams} holds the values of the matched route's placeholders, e.g. {@code jobId=12}.
 */
record Call(String method, String apiPath, HttpUrl url, String authorization, String contentType, String body,
    Map<String, String> pathParams) {

  Call(String method, String apiPath, HttpUrl url, String authorization, String contentType, String body) {
    this(method, apiPath, url, authorization, contentType, body, Map.of());
  }

  Call withPathParams(Map<String, String> params) {
    return new Call(method, apiPath, url, authorization, contentType, body, Map.copyOf(params));
  }

  /** The value of a placeholder of the route, e.g. {@code path("sourceId")}. */
  String path(String name) {
    String value = pathParams.get(name);
    if (value == null) {
      throw new IllegalStateException("The route of " + apiPath + " has no {" + name + "}");
    }
    return value;
  }

  /** The body as a JSON object, or {@link Json.BadRequest}. */
  JsonObject json() {
    return Json.parseObject(body);
  }

  /** The first value of a query parameter, or null. */
  String query(String name) {
    return url.queryParameter(name);
  }

  int intQuery(String name, int fallback) {
    String value = query(name);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new Json.BadRequest("'" + name + "' must be an integer, not '" + value + "'.");
    }
  }

  boolean booleanQuery(String name) {
    String value = query(name);
    if (value == null || value.equalsIgnoreCase("false")) {
      return false;
    }
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    throw new Json.BadRequest("'" + name + "' must be true or false, not '" + value + "'.");
  }

  boolean includeDeleted() {
    return booleanQuery("includeDeleted");
  }

  /** Values of an array query parameter, given repeated ({@code ?a=1&a=2}) or comma-separated ({@code ?a=1,2}). */
  Set<String> listQuery(String name) {
    Set<String> out = new LinkedHashSet<>();
    for (String value : url.queryParameterValues(name)) {
      if (value == null) {
        continue;
      }
      for (String part : value.split(",")) {
        if (!part.isBlank()) {
          out.add(part.trim());
        }
      }
    }
    return out;
  }

  /** {@link #listQuery} of UUIDs, in canonical form. */
  Set<String> uuidsQuery(String name) {
    Set<String> out = new LinkedHashSet<>();
    for (String value : listQuery(name)) {
      out.add(Check.uuid(value, name));
    }
    return out;
  }

  /** A UUID query parameter in canonical form, or null when absent. */
  String uuidQuery(String name) {
    String value = query(name);
    return value == null ? null : Check.uuid(value, name);
  }

  Instant instantQuery(String name) {
    String value = query(name);
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new Json.BadRequest("'" + name + "' must be an ISO-8601 date-time, not '" + value + "'.");
    }
  }
}
