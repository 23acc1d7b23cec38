package io.github.airbytejava.faultsuite;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;

/** The answers the faults are made of. */
final class Responses {
  static final String JSON = "application/json";

  private Responses() {}

  static MockResponse json(int status, String body) {
    return raw(status, JSON, body);
  }

  /** A body of any type; a null content type sends none. */
  static MockResponse raw(int status, String contentType, String body) {
    MockResponse.Builder builder = new MockResponse.Builder().code(status).body(body);
    if (contentType != null) builder.setHeader("Content-Type", contentType);
    return builder.build();
  }

  /** 204 without a body, as deletes answer. */
  static MockResponse noContent() {
    return new MockResponse.Builder().code(204).build();
  }

  /** Airbyte's problem object, sent as application/json as the real server does. */
  static MockResponse problem(int status, String slug, String detail) {
    return json(status, "{\"status\":" + status + ",\"type\":\"https://reference.airbyte.com/reference/errors#" + slug
        + "\",\"title\":\"" + slug + "\",\"detail\":\"" + detail + "\",\"documentationUrl\":null,\"data\":{}}");
  }

  /** The kind of page nginx or a load balancer sends instead of the API's answer. */
  static MockResponse html(int status, String title) {
    return raw(status, "text/html", "<!DOCTYPE html>\n<html><head><title>" + title + "</title></head>\n<body>\n<center><h1>"
        + title + "</h1></center>\n<hr><center>nginx</center>\n</body></html>\n");
  }

  /** Reads the request, then closes the connection without a byte of response. */
  static MockResponse dropBeforeResponse() {
    return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
  }

  /**
   * Status line, headers (with the full Content-Length) and the first half of {@code body}, then the connection is
   * closed: a reset in the middle of the response.
   */
  static MockResponse resetMidBody(int status, String body) {
    int fullLength = body.getBytes(StandardCharsets.UTF_8).length;
    return new MockResponse.Builder().code(status)
        .setHeader("Content-Type", JSON)
        .body(body.substring(0, body.length() / 2))
        .setHeader("Content-Length", fullLength)
        .onResponseEnd(new SocketEffect.CloseSocket())
        .build();
  }

  /** {@code answer}, sent only after {@code delay}. */
  static MockResponse slow(MockResponse answer, Duration delay) {
    return answer.newBuilder().headersDelay(delay.toMillis(), TimeUnit.MILLISECONDS).build();
  }

  /** Reads the request and never answers; the socket stays open until the server stops. */
  static MockResponse neverAnswers() {
    return new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build();
  }
}
