package io.github.airbytejava.testkit;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Map;

/** An answer of the fake before it goes on the wire: status, content type (null for none), body, extra headers. */
record Reply(int status, String contentType, String body, Map<String, String> headers) {

  static final String JSON = "application/json";
  private static final String ERRORS = "https://reference.airbyte.com/reference/errors";

  Reply {
    headers = Map.copyOf(headers);
  }

  static Reply json(int status, JsonElement body) {
    return new Reply(status, JSON, Json.GSON.toJson(body), Map.of());
  }

  static Reply ok(JsonElement body) {
    return json(200, body);
  }

  /** 200 with {@code {"data": [...]}}: the lists that are not paged. */
  static Reply data(JsonArray data) {
    JsonObject response = new JsonObject();
    response.add("data", data);
    return ok(response);
  }

  static Reply noContent() {
    return new Reply(204, null, "", Map.of());
  }

  /**
   * A problem as the real server writes it (AbstractThrowableProblemHandler): {@code status, type, title, detail}
   * and an optional {@code data} object, sent as {@code application/json} (not {@code application/problem+json}).
   * {@code slug} is the anchor of the type URL, which the server also uses as the title; a slug such as
   * {@code error:tag-already-exists} is the type itself, as the server's newer problems have it.
   */
  static Reply problem(int status, String slug, String detail, JsonObject data) {
    JsonObject problem = new JsonObject();
    problem.addProperty("status", status);
    problem.addProperty("type", slug.startsWith("error:") ? slug : ERRORS + "#" + slug);
    problem.addProperty("title", slug);
    problem.addProperty("detail", detail);
    problem.addProperty("documentationUrl", ERRORS);
    if (data != null) {
      problem.add("data", data);
    }
    return json(status, problem);
  }

  static Reply badRequest(String detail) {
    return problem(400, "bad-request", detail, Json.object("message", detail));
  }

  /** 400 {@code value-not-found}, as the server answers a connector name it cannot resolve. */
  static Reply valueNotFound(String detail, String value) {
    return problem(400, "value-not-found", detail, Json.object("value", value));
  }

  static Reply notFound(String resourceType, String resourceId) {
    JsonObject data = Json.object("resourceType", resourceType);
    data.addProperty("resourceId", resourceId);
    return problem(404, "resource-not-found", "Could not find a " + resourceType + " with id " + resourceId + ".",
        data);
  }

  /** Thrown by a handler, at any depth, to answer with {@link #reply} instead. */
  static final class Refusal extends RuntimeException {
    final Reply reply;

    Refusal(Reply reply) {
      super(reply.body(), null, false, false);
      this.reply = reply;
    }
  }

  Reply withBody(String newBody) {
    return new Reply(status, contentType, newBody, headers);
  }
}
