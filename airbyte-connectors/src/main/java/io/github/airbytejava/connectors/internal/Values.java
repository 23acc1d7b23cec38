package io.github.airbytejava.connectors.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Configuration values as plain, immutable Java: {@code Map<String, Object>} (insertion order kept), {@code List},
 * {@code String}, {@code Boolean}, {@code Long} for integers that fit, {@code BigDecimal} for every other number
 * (so {@code 5432} stays {@code 5432} and {@code 1.50} stays {@code 1.50}), and null. Not API.
 */
public final class Values {
  /** What Airbyte returns instead of a secret's value. */
  public static final String MASK = "**********";

  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

  private Values() {
  }

  /** Long when integral and within range (as written: no point, no exponent), else BigDecimal. */
  public static Object number(Number number) {
    if (number instanceof Long) {
      return number;
    }
    if (number instanceof Integer || number instanceof Short || number instanceof Byte) {
      return number.longValue();
    }
    if (number instanceof Double || number instanceof Float) {
      double d = number.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new IllegalArgumentException("a configuration number must be finite");
      }
      return new BigDecimal(Double.toString(d));
    }
    String text = number.toString();
    BigDecimal decimal;
    try {
      decimal = number instanceof BigDecimal b ? b : number instanceof BigInteger i ? new BigDecimal(i) : new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a JSON number");
    }
    if (text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0
        && decimal.compareTo(LONG_MIN) >= 0 && decimal.compareTo(LONG_MAX) <= 0) {
      return decimal.longValueExact();
    }
    return decimal;
  }

  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  /** A Gson tree as frozen values. */
  public static Object fromJsonTree(JsonElement element) {
    if (element == null || element.isJsonNull()) {
      return null;
    }
    if (element.isJsonObject()) {
      Map<String, Object> copy = new LinkedHashMap<>();
      for (Map.Entry<String, JsonElement> e : element.getAsJsonObject().entrySet()) {
        copy.put(e.getKey(), fromJsonTree(e.getValue()));
      }
      return Collections.unmodifiableMap(copy);
    }
    if (element.isJsonArray()) {
      List<Object> copy = new ArrayList<>();
      element.getAsJsonArray().forEach(e -> copy.add(fromJsonTree(e)));
      return Collections.unmodifiableList(copy);
    }
    JsonPrimitive primitive = element.getAsJsonPrimitive();
    if (primitive.isBoolean()) {
      return primitive.getAsBoolean();
    }
    if (primitive.isNumber()) {
      return number(new BigDecimal(primitive.getAsString()));
    }
    return primitive.getAsString();
  }

  /** Parses a JSON object; {@link IllegalArgumentException} (without quoting the text) when it is not one. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> parseObject(String json) {
    JsonElement element;
    try {
      element = JsonParser.parseString(json);
    } catch (JsonParseException e) {
      throw new IllegalArgumentException("not valid JSON");
    }
    if (!element.isJsonObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    return (Map<String, Object>) fromJsonTree(element);
  }

  /** The value as JSON text (numbers exactly as held). */
  public static String toJson(Object value) {
    return GSON.toJson(toJsonTree(value));
  }

  public static JsonElement toJsonTree(Object value) {
    if (value == null) {
      return com.google.gson.JsonNull.INSTANCE;
    }
    if (value instanceof Map<?, ?> map) {
      JsonObject object = new JsonObject();
      map.forEach((k, v) -> object.add((String) k, toJsonTree(v)));
      return object;
    }
    if (value instanceof List<?> list) {
      JsonArray array = new JsonArray();
      list.forEach(v -> array.add(toJsonTree(v)));
      return array;
    }
    if (value instanceof Boolean b) {
      return new JsonPrimitive(b);
    }
    if (value instanceof Number n) {
      return new JsonPrimitive(n);
    }
    return new JsonPrimitive(value.toString());
  }

  /** A deep, mutable copy (LinkedHashMap, ArrayList), for request models that may be changed afterwards. */
  public static Object mutableCopy(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put((String) k, mutableCopy(v)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(v -> copy.add(mutableCopy(v)));
      return copy;
    }
    return value;
  }

  /** JSON equality: numbers by value, objects without regard to key order. */
  static boolean jsonEquals(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return decimal(x).compareTo(decimal(y)) == 0;
    }
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (Map.Entry<?, ?> e : x.entrySet()) {
        if (!y.containsKey(e.getKey()) || !jsonEquals(e.getValue(), y.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!jsonEquals(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    }
    return a == null ? b == null : a.equals(b);
  }

  static BigDecimal decimal(Number n) {
    return n instanceof BigDecimal b ? b : n instanceof Long l ? BigDecimal.valueOf(l) : new BigDecimal(n.toString());
  }
}
