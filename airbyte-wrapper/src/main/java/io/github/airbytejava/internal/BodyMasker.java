package io.github.airbytejava.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.github.airbytejava.SecretFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * Masks the secrets of a JSON body for a log line or an exception: the value of every secret-looking key
 * ({@link Redactor#isSecretKey}), anywhere; inside every {@code configuration} object (also in the items of a list's
 * {@code data}), each value {@link SecretFields} calls secret, and every value when the body does not say which
 * connector it configures; and in every string, what {@link Redactor} finds (tokens, JWTs, private keys, JSON in the
 * string). A JSON body cut short (a logged or kept body is capped; a connection may break) is masked as far as it
 * reads: when that part holds anything to mask, it is shown masked and followed by {@code …}, the rest dropped (a
 * configuration cut in the middle is still a configuration). Other text goes through {@link Redactor} alone.
 *
 * <p>A configuration's connector is the sibling {@code definitionId}, else its own or its sibling
 * {@code sourceType}/{@code destinationType}; its actor type comes from those names, a sibling {@code actorType},
 * or the URL ({@code /sources...}, {@code /destinations...}).
 */
public final class BodyMasker {
  private static final JsonPrimitive MASK = new JsonPrimitive(Redactor.MASK);

  private final SecretFields secretFields;

  public BodyMasker(SecretFields secretFields) {
    this.secretFields = secretFields;
  }

  /** {@code body} with its secrets masked; {@code url}, the request's, may be null. */
  public String mask(String body, HttpUrl url) {
    if (body == null || body.isEmpty()) return body;
    char first = firstNonBlank(body);
    if (first == '{' || first == '[') {
      try {
        JsonElement json = JsonParser.parseString(body);
        return mask(json, actorTypeOf(url)).toString();
      } catch (RuntimeException notJson) {
        // Cut short or broken: the text rules alone would show every configuration value that came before the cut.
        JsonElement partial = PartialJson.read(body);
        if (partial != null) {
          JsonElement masked = mask(partial, actorTypeOf(url));
          if (!masked.equals(partial)) return masked + "…";
        }
      }
    }
    return Redactor.redact(body);
  }

  private JsonElement mask(JsonElement element, String urlActorType) {
    if (element.isJsonArray()) {
      JsonArray masked = new JsonArray();
      for (JsonElement item : element.getAsJsonArray()) masked.add(mask(item, urlActorType));
      return masked;
    }
    if (element.isJsonPrimitive()) return maskText(element.getAsJsonPrimitive());
    if (!element.isJsonObject()) return element;
    JsonObject object = element.getAsJsonObject();
    JsonObject masked = new JsonObject();
    for (Map.Entry<String, JsonElement> member : object.entrySet()) {
      String key = member.getKey();
      JsonElement value = member.getValue();
      if (Redactor.isSecretKey(key) && !value.isJsonNull()) {
        masked.add(key, MASK);
      } else if (key.equals("configuration") && value.isJsonObject()) {
        JsonObject configuration = value.getAsJsonObject();
        String actorType = actorTypeOf(object, configuration, urlActorType);
        masked.add(key, maskConfiguration(configuration, actorType, connectorOf(object, configuration), List.of()));
      } else {
        masked.add(key, mask(value, urlActorType));
      }
    }
    return masked;
  }

  private JsonElement maskConfiguration(JsonElement value, String actorType, String connector, List<String> path) {
    if (value.isJsonObject()) {
      JsonObject masked = new JsonObject();
      for (Map.Entry<String, JsonElement> member : value.getAsJsonObject().entrySet()) {
        List<String> at = append(path, member.getKey());
        masked.add(member.getKey(), Redactor.isSecretKey(member.getKey()) && !member.getValue().isJsonNull()
            ? MASK : maskConfiguration(member.getValue(), actorType, connector, at));
      }
      return masked;
    }
    if (value.isJsonArray()) {
      JsonArray masked = new JsonArray();
      for (JsonElement item : value.getAsJsonArray()) masked.add(maskConfiguration(item, actorType, connector, path));
      return masked;
    }
    if (value.isJsonNull()) return value;
    return isSecret(actorType, connector, path) ? MASK : maskText(value.getAsJsonPrimitive());
  }

  private boolean isSecret(String actorType, String connector, List<String> path) {
    if (connector == null) return true;
    try {
      return secretFields.isSecret(actorType, connector, path);
    } catch (RuntimeException e) {
      return true; // an extension that fails must not make the log leak
    }
  }

  private static JsonPrimitive maskText(JsonPrimitive value) {
    if (!value.isString()) return value;
    String text = value.getAsString();
    String redacted = Redactor.redact(text);
    return redacted.equals(text) ? value : new JsonPrimitive(redacted);
  }

  private static String connectorOf(JsonObject owner, JsonObject configuration) {
    String id = text(owner, "definitionId");
    if (id != null) return id;
    for (JsonObject where : new JsonObject[] {configuration, owner}) {
      String name = text(where, "sourceType");
      if (name == null) name = text(where, "destinationType");
      if (name != null) return name;
    }
    return null;
  }

  private static String actorTypeOf(JsonObject owner, JsonObject configuration, String urlActorType) {
    for (JsonObject where : new JsonObject[] {owner, configuration}) {
      if (where.has("sourceId") || where.has("sourceType")) return "source";
      if (where.has("destinationId") || where.has("destinationType")) return "destination";
    }
    String declared = text(owner, "actorType");
    if ("source".equals(declared) || "destination".equals(declared)) return declared;
    return urlActorType;
  }

  /** {@code source} for URLs under {@code /sources} (or {@code .../definitions/sources}), and so on. */
  private static String actorTypeOf(HttpUrl url) {
    if (url == null) return null;
    List<String> segments = url.pathSegments();
    for (int i = segments.size() - 1; i >= 0; i--) {
      String segment = segments.get(i);
      if (segment.equals("sources") || segment.equals("source")) return "source";
      if (segment.equals("destinations") || segment.equals("destination")) return "destination";
    }
    return null;
  }

  private static String text(JsonObject object, String key) {
    JsonElement value = object.get(key);
    if (value == null || !value.isJsonPrimitive()) return null;
    String text = value.getAsString();
    return text.isBlank() ? null : text; // Airbyte answers sourceType "" for connectors it cannot name
  }

  private static List<String> append(List<String> path, String key) {
    List<String> longer = new ArrayList<>(path.size() + 1);
    longer.addAll(path);
    longer.add(key);
    return List.copyOf(longer);
  }

  private static char firstNonBlank(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c)) return c;
    }
    return ' ';
  }
}
