package io.github.airbytejava.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.github.airbytejava.configapi.FailureOrigin;
import io.github.airbytejava.configapi.FailureType;
import io.github.airbytejava.webhook.SyncNotification;
import io.github.airbytejava.webhook.WebhookNotification;
import io.github.airbytejava.webhook.WebhookParseException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Reads Airbyte's webhook bodies (see {@link WebhookNotification#parse}): tolerant of fields, strict on the shape. */
public final class WebhookBodies {
  /** How much of a body that is not a notification its exception quotes. */
  private static final int QUOTED = 200;

  private WebhookBodies() {}

  public static WebhookNotification parse(String body) {
    if (body == null || body.isBlank()) throw new WebhookParseException("The webhook body is empty", null);
    JsonElement root;
    try {
      root = JsonParser.parseString(body);
    } catch (JsonParseException e) {
      throw new WebhookParseException("The webhook body is not JSON: " + quote(body), null);
    }
    if (!root.isJsonObject()) {
      throw new WebhookParseException("The webhook body is not a JSON object: " + quote(body), null);
    }
    JsonObject object = root.getAsJsonObject();
    String text = string(object, "text");
    JsonElement data = object.get("data");
    if (data != null && !data.isJsonNull() && !data.isJsonObject()) {
      throw new WebhookParseException("The webhook body's data is not an object: " + quote(body), null);
    }
    if (text == null && (data == null || data.isJsonNull())) {
      throw new WebhookParseException("Not a webhook body of a version this client knows: neither text nor data in "
          + quote(body), null);
    }
    return new WebhookNotification(text, data == null || data.isJsonNull() ? null : sync(data.getAsJsonObject()));
  }

  private static SyncNotification sync(JsonObject data) {
    String errorType = string(data, "errorType");
    String errorOrigin = string(data, "errorOrigin");
    return new SyncNotification(ref(data, "workspace"), ref(data, "connection"), ref(data, "source"),
        ref(data, "destination"), number(data, "jobId"), instant(data, "startedAt"), instant(data, "finishedAt"),
        number(data, "bytesEmitted"), number(data, "bytesCommitted"), number(data, "recordsEmitted"),
        number(data, "recordsCommitted"), number(data, "recordsFilteredOut"), number(data, "bytesFilteredOut"),
        bool(data, "success"), masked(string(data, "errorMessage")),
        errorType == null ? null : FailureType.of(errorType),
        errorOrigin == null ? null : FailureOrigin.of(errorOrigin));
  }

  private static SyncNotification.Ref ref(JsonObject data, String key) {
    JsonElement element = data.get(key);
    if (element == null || !element.isJsonObject()) return null;
    JsonObject object = element.getAsJsonObject();
    return new SyncNotification.Ref(uuid(string(object, "id")), string(object, "name"), string(object, "url"));
  }

  private static UUID uuid(String text) {
    try {
      return text == null ? null : UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String string(JsonObject object, String key) {
    JsonElement element = object.get(key);
    return element instanceof JsonPrimitive primitive && !primitive.isJsonNull() ? primitive.getAsString() : null;
  }

  private static Long number(JsonObject object, String key) {
    JsonElement element = object.get(key);
    if (!(element instanceof JsonPrimitive primitive)) return null;
    try {
      return primitive.isNumber() || primitive.isString() ? (long) Double.parseDouble(primitive.getAsString()) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Boolean bool(JsonObject object, String key) {
    JsonElement element = object.get(key);
    if (!(element instanceof JsonPrimitive primitive)) return null;
    if (primitive.isBoolean()) return primitive.getAsBoolean();
    String text = primitive.getAsString();
    return "true".equalsIgnoreCase(text) ? Boolean.TRUE : "false".equalsIgnoreCase(text) ? Boolean.FALSE : null;
  }

  /** ISO-8601 with an offset, as Airbyte writes them; epoch seconds or milliseconds too, should a version send them. */
  private static Instant instant(JsonObject object, String key) {
    JsonElement element = object.get(key);
    if (!(element instanceof JsonPrimitive primitive)) return null;
    if (primitive.isNumber()) {
      long value = primitive.getAsLong();
      return value > 100_000_000_000L ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
    }
    String text = primitive.getAsString();
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException again) {
        return null;
      }
    }
  }

  private static String masked(String text) {
    return text == null ? null : Redactor.truncate(Redactor.redact(text), 8_000);
  }

  private static String quote(String body) {
    return '"' + Redactor.redact(Redactor.truncate(body.strip(), QUOTED)) + '"';
  }
}
