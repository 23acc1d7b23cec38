package io.github.airbytejava.connectors;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Minimal valid configurations, made from a connector's schema JSON by this test's own reading of it (not by the
 * module's validator): every required field, the first oneOf variant, const and enum values, defaults, and for
 * patterns a value from a list of samples that match it.
 */
final class MinimalConfigurations {
  /** Samples for the patterns of required fields in the facts; a test fails when a pattern has none. */
  static final List<String> SAMPLES = List.of("2024-01-01T00:00:00Z", "2024-01-01", "2024-01-01T00:00:00.000Z",
      "2024-01-01T00:00:00", "2024-01", "20240101T000000Z", "01-31-2024", "01/31/2024 00:00", "abc123",
      "https://00000000-0000-0000-0000-000000000000-us-east1.apps.astra.datastax.com",
      "account.snowflakecomputing.com", "example.freshdesk.com", "sandbox_key", "https://drive.google.com/drive/x",
      "sk_test_abc123", "example.com", "data/folder", "12.5", "12345", "example");

  private MinimalConfigurations() {
  }

  static Map<String, Object> of(Connector connector) {
    return object(JsonParser.parseString(connector.schemaJson()).getAsJsonObject(), connector.toString());
  }

  private static Map<String, Object> object(JsonObject schema, String where) {
    if (schema.has("oneOf")) {
      // The first variant, with its consts (the discriminator) even where not required: without it, an object
      // can fit more than one variant, which JSON Schema's oneOf rejects.
      JsonObject variant = schema.getAsJsonArray("oneOf").get(0).getAsJsonObject();
      Map<String, Object> result = new LinkedHashMap<>();
      if (variant.has("properties")) {
        variant.getAsJsonObject("properties").entrySet().stream().filter(e -> e.getValue().getAsJsonObject().has("const"))
            .forEach(e -> result.put(e.getKey(), plain(e.getValue().getAsJsonObject().get("const"))));
      }
      result.putAll(object(variant, where));
      return result;
    }
    Map<String, Object> result = new LinkedHashMap<>();
    if (!schema.has("required")) {
      return result;
    }
    JsonObject properties = schema.has("properties") ? schema.getAsJsonObject("properties") : new JsonObject();
    for (JsonElement name : schema.getAsJsonArray("required")) {
      JsonObject property = properties.has(name.getAsString()) ? properties.getAsJsonObject(name.getAsString())
          : new JsonObject();
      result.put(name.getAsString(), value(property, where + "." + name.getAsString()));
    }
    return result;
  }

  private static Object value(JsonObject schema, String where) {
    if (schema.has("const")) {
      return plain(schema.get("const"));
    }
    if (schema.has("enum")) {
      return plain(schema.getAsJsonArray("enum").get(0));
    }
    String type = type(schema);
    if (schema.has("default") && fits(schema.get("default"), type)) {
      return plain(schema.get("default"));
    }
    switch (type) {
      case "object":
        return object(schema, where);
      case "array": {
        List<Object> items = new ArrayList<>();
        int count = schema.has("minItems") ? schema.get("minItems").getAsInt() : 0;
        JsonObject itemSchema = schema.has("items") && schema.get("items").isJsonObject()
            ? schema.getAsJsonObject("items") : new JsonObject();
        for (int i = 0; i < count; i++) {
          Object item = value(itemSchema, where + "[" + i + "]");
          items.add(item instanceof String s && count > 1 ? s + i : item);
        }
        return items;
      }
      case "integer":
      case "number":
        if (schema.has("minimum")) {
          return schema.get("minimum").getAsBigDecimal().longValue();
        }
        if (schema.has("exclusiveMinimum")) {
          return schema.get("exclusiveMinimum").getAsBigDecimal().longValue() + 1;
        }
        return 1L;
      case "boolean":
        return false;
      default:
        if (!schema.has("pattern")) {
          return "x";
        }
        Pattern pattern = Pattern.compile(schema.get("pattern").getAsString());
        for (String sample : SAMPLES) {
          if (pattern.matcher(sample).find()) {
            return sample;
          }
        }
        throw new AssertionError(where + ": no sample matches " + pattern);
    }
  }

  private static String type(JsonObject schema) {
    JsonElement type = schema.get("type");
    if (type == null) {
      return schema.has("properties") || schema.has("oneOf") ? "object" : "string";
    }
    if (type.isJsonArray()) {
      for (JsonElement t : type.getAsJsonArray()) {
        if (!t.getAsString().equals("null")) {
          return t.getAsString();
        }
      }
      return "null";
    }
    return type.getAsString();
  }

  private static boolean fits(JsonElement value, String type) {
    return switch (type) {
      case "string" -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
      case "integer", "number" -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber();
      case "boolean" -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean();
      case "array" -> value.isJsonArray();
      default -> false;
    };
  }

  static Object plain(JsonElement element) {
    if (element.isJsonNull()) {
      return null;
    }
    if (element.isJsonArray()) {
      List<Object> list = new ArrayList<>();
      for (JsonElement e : (JsonArray) element) {
        list.add(plain(e));
      }
      return list;
    }
    if (element.isJsonObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      element.getAsJsonObject().entrySet().forEach(e -> map.put(e.getKey(), plain(e.getValue())));
      return map;
    }
    if (element.getAsJsonPrimitive().isBoolean()) {
      return element.getAsBoolean();
    }
    if (element.getAsJsonPrimitive().isNumber()) {
      String text = element.getAsString();
      return text.contains(".") || text.contains("e") || text.contains("E") ? element.getAsBigDecimal()
          : element.getAsLong();
    }
    return element.getAsString();
  }
}
