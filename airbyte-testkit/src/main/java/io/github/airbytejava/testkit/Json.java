package io.github.airbytejava.testkit;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Gson helpers. Connector configuration stays a JSON tree end to end, so {@code 5432} never becomes {@code 5432.0}. */
final class Json {

  /** HTML escaping off: names such as "Faker → Postgres" go out as written. */
  static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  /** Keys whose string values the real server masks in responses (they are {@code airbyte_secret} in most specs). */
  private static final Pattern SECRET_KEY =
      Pattern.compile(".*(password|secret|token|api_key|apikey|access_key|private_key).*");
  static final String MASK = "**********";

  private Json() {
  }

  /** Parses a request body that must be a JSON object; throws {@link BadRequest} otherwise. */
  static JsonObject parseObject(String body) {
    if (body == null || body.isBlank()) {
      throw new BadRequest("The request body is missing; a JSON object is expected.");
    }
    JsonElement element;
    try {
      element = JsonParser.parseString(body);
    } catch (JsonParseException e) {
      throw new BadRequest("The request body is not valid JSON: " + e.getMessage());
    }
    if (!element.isJsonObject()) {
      throw new BadRequest("The request body must be a JSON object.");
    }
    return element.getAsJsonObject();
  }

  static JsonObject object(String key, String value) {
    JsonObject object = new JsonObject();
    object.addProperty(key, value);
    return object;
  }

  static JsonObject object(Map<String, ?> entries) {
    JsonObject object = new JsonObject();
    entries.forEach((k, v) -> object.add(k, GSON.toJsonTree(v)));
    return object;
  }

  /** The string at {@code key}, or null when absent or JSON null; {@link BadRequest} when it is not a string. */
  static String string(JsonObject object, String key) {
    JsonElement value = object.get(key);
    if (value == null || value.isJsonNull()) {
      return null;
    }
    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
      throw new BadRequest("'" + key + "' must be a string.");
    }
    return value.getAsString();
  }

  static String requiredString(JsonObject object, String key) {
    String value = string(object, key);
    if (value == null) {
      throw new BadRequest("'" + key + "' is required.");
    }
    return value;
  }

  /** The boolean at {@code key}, or null when absent or JSON null; {@link BadRequest} when it is not a boolean. */
  static Boolean booleanOrNull(JsonObject object, String key) {
    JsonElement value = object.get(key);
    if (value == null || value.isJsonNull()) {
      return null;
    }
    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isBoolean()) {
      throw new BadRequest("'" + key + "' must be true or false.");
    }
    return value.getAsBoolean();
  }

  /** The object at {@code key}, or null; {@link BadRequest} when it is something else. */
  static JsonObject objectOrNull(JsonObject object, String key) {
    JsonElement value = object.get(key);
    if (value == null || value.isJsonNull()) {
      return null;
    }
    if (!value.isJsonObject()) {
      throw new BadRequest("'" + key + "' must be a JSON object.");
    }
    return value.getAsJsonObject();
  }

  static JsonArray arrayOrNull(JsonObject object, String key) {
    JsonElement value = object.get(key);
    if (value == null || value.isJsonNull()) {
      return null;
    }
    if (!value.isJsonArray()) {
      throw new BadRequest("'" + key + "' must be a JSON array.");
    }
    return value.getAsJsonArray();
  }

  /** A copy with the string values of secret-looking keys replaced by {@value #MASK}, at any depth. */
  static JsonElement masked(JsonElement element) {
    if (element.isJsonObject()) {
      JsonObject copy = new JsonObject();
      for (Map.Entry<String, JsonElement> e : element.getAsJsonObject().entrySet()) {
        JsonElement value = e.getValue();
        boolean secret = SECRET_KEY.matcher(e.getKey().toLowerCase(Locale.ROOT)).matches()
            && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
        copy.add(e.getKey(), secret ? new JsonPrimitive(MASK) : masked(value));
      }
      return copy;
    }
    if (element.isJsonArray()) {
      JsonArray copy = new JsonArray();
      element.getAsJsonArray().forEach(item -> copy.add(masked(item)));
      return copy;
    }
    return element;
  }

  /**
   * {@code patch} merged into {@code base}: objects merge key by key, anything else replaces. A masked secret sent
   * back unchanged keeps the stored value, as the real server does.
   */
  static JsonObject merged(JsonObject base, JsonObject patch) {
    JsonObject result = base.deepCopy();
    for (Map.Entry<String, JsonElement> e : patch.entrySet()) {
      JsonElement old = result.get(e.getKey());
      JsonElement value = e.getValue();
      if (old != null && old.isJsonObject() && value.isJsonObject()) {
        result.add(e.getKey(), merged(old.getAsJsonObject(), value.getAsJsonObject()));
      } else if (!(value.isJsonPrimitive() && MASK.equals(value.getAsString()) && old != null)) {
        result.add(e.getKey(), value.deepCopy());
      }
    }
    return result;
  }

  /** A 400 problem raised while reading a request. */
  static final class BadRequest extends RuntimeException {
    BadRequest(String message) {
      super(message, null, false, false);
    }
  }
}
