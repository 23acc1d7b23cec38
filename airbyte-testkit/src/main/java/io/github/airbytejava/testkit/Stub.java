package io.github.airbytejava.testkit;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A reply a test chooses for one operation, in place of what the fake would answer: chosen by operationId or by
 * method and path, with a status, headers and a body. Add stubs with {@code fake.stubs().add(...)}.
 *
 * <pre>{@code
 * fake.stubs().add(Stub.operation("getSource").body("{\"sourceId\": \"...\", ...}"));
 * fake.stubs().add(Stub.on("GET", "/jobs/{jobId}").status(200).body(jobJson).times(2));
 * fake.stubs().add(Stub.operation("listTags").status(403).body("{\"status\": 403, \"type\": \"...\", ...}"));
 * }</pre>
 *
 * <p>A stubbed request is still authenticated (a missing or expired token gets 401, not the stub), recorded and
 * checked against the spec, and so is the stubbed reply: a reply the spec does not allow is a mismatch, as for the
 * fake's own. The fake's state is not touched. Instances are immutable; each modifier returns a new stub.
 */
public final class Stub {

  final String operationId;
  final String method;
  final String path;
  final int status;
  final String contentType;
  final String body;
  final Map<String, String> headers;
  /** How many matching requests it answers; 0 for every one until the stubs are cleared. */
  final int times;

  private Stub(String operationId, String method, String path, int status, String contentType, String body,
      Map<String, String> headers, int times) {
    this.operationId = operationId;
    this.method = method;
    this.path = path;
    this.status = status;
    this.contentType = contentType;
    this.body = body;
    this.headers = Map.copyOf(headers);
    this.times = times;
  }

  /** Stubs the operation with this operationId, e.g. {@code "listSources"}: 200 and no body until told otherwise. */
  public static Stub operation(String operationId) {
    return new Stub(Objects.requireNonNull(operationId, "operationId"), null, null, 200, null, "", Map.of(), 0);
  }

  /**
   * Stubs requests with this method and path (relative to the base URL); the spec's placeholders match any one
   * segment: {@code on("GET", "/sources/{sourceId}")} or {@code on("GET", "/sources/3f9c...")}.
   */
  public static Stub on(String method, String path) {
    Objects.requireNonNull(path, "path");
    return new Stub(null, Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT),
        path.startsWith("/") ? path : "/" + path, 200, null, "", Map.of(), 0);
  }

  /** The status to answer. Default 200. */
  public Stub status(int status) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("Not an HTTP status: " + status);
    }
    return new Stub(operationId, method, path, status, contentType, body, headers, times);
  }

  /** A JSON body, sent as {@code application/json}. */
  public Stub body(String json) {
    return body("application/json", json);
  }

  /** A body of this content type ({@code null} for none). */
  public Stub body(String contentType, String text) {
    return new Stub(operationId, method, path, status, contentType, Objects.requireNonNull(text, "text"), headers,
        times);
  }

  /** Adds a header to the reply. */
  public Stub header(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return new Stub(operationId, method, path, status, contentType, body, more, times);
  }

  /** Answers only this many matching requests, then the fake answers again. Default: every one. */
  public Stub times(int times) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1: " + times);
    }
    return new Stub(operationId, method, path, status, contentType, body, headers, times);
  }

  Stub withTimes(int remaining) {
    return new Stub(operationId, method, path, status, contentType, body, headers, remaining);
  }

  boolean matches(Routes.Route route, String requestMethod, String apiPath) {
    if (operationId != null) {
      return route != null && route.operationId().equals(operationId);
    }
    return method.equals(requestMethod) && Routes.fits(path, apiPath);
  }

  Reply reply() {
    return new Reply(status, contentType, body, headers);
  }

  @Override
  public String toString() {
    return "Stub." + (operationId != null ? "operation(\"" + operationId + "\")"
        : "on(\"" + method + "\", \"" + path + "\")") + ".status(" + status + ")"
        + (times > 0 ? ".times(" + times + ")" : "");
  }
}
