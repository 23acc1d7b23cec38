package io.github.airbytejava.connectors.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One node of a connector's configuration schema, as the facts file describes it (the JSON Schema keywords
 * {@code type}, {@code properties}, {@code required}, {@code enum}, {@code const}, bounds, {@code pattern},
 * {@code items}, {@code oneOf}, {@code additionalProperties}, plus Airbyte's {@code airbyte_secret}). Immutable.
 * Not API: used by the generated classes and the validator.
 */
public final class Schema {
  static final int NULL = 1;
  static final int BOOLEAN = 2;
  static final int OBJECT = 4;
  static final int ARRAY = 8;
  static final int NUMBER = 16;
  static final int INTEGER = 32;
  static final int STRING = 64;
  /** No {@code type}: any value. */
  static final int ANY = 127;

  final int types;
  final Map<String, Schema> properties;
  final Set<String> required;
  final List<Object> enumValues;
  final boolean hasConst;
  final Object constValue;
  final Object defaultValue;
  final BigDecimal minimum;
  final BigDecimal exclusiveMinimum;
  final BigDecimal maximum;
  final BigDecimal exclusiveMaximum;
  final Integer minLength;
  final Integer maxLength;
  final Integer minItems;
  final Integer maxItems;
  final boolean uniqueItems;
  final String pattern;
  private final Pattern compiledPattern;
  final boolean secret;
  final Schema items;
  /** False when {@code additionalProperties: false}. */
  final boolean additionalAllowed;
  final Schema additionalSchema;
  final List<Schema> oneOf;
  /** The property every variant gives a distinct string const, or null. */
  final String discriminator;
  private final Map<String, Schema> variantsByDiscriminator;

  private Schema(JsonObject json) {
    types = types(json.get("type"));
    Map<String, Schema> props = new LinkedHashMap<>();
    if (json.has("properties")) {
      for (Map.Entry<String, JsonElement> e : json.getAsJsonObject("properties").entrySet()) {
        props.put(e.getKey(), new Schema(e.getValue().getAsJsonObject()));
      }
    }
    properties = Collections.unmodifiableMap(props);
    Set<String> req = new LinkedHashSet<>();
    if (json.has("required")) {
      json.getAsJsonArray("required").forEach(r -> req.add(r.getAsString()));
    }
    required = Collections.unmodifiableSet(req);
    if (json.has("enum")) {
      List<Object> values = new ArrayList<>();
      json.getAsJsonArray("enum").forEach(v -> values.add(Values.fromJsonTree(v)));
      enumValues = Collections.unmodifiableList(values);
    } else {
      enumValues = null;
    }
    hasConst = json.has("const");
    constValue = hasConst ? Values.fromJsonTree(json.get("const")) : null;
    defaultValue = json.has("default") ? Values.fromJsonTree(json.get("default")) : null;
    minimum = decimal(json, "minimum");
    exclusiveMinimum = decimal(json, "exclusiveMinimum");
    maximum = decimal(json, "maximum");
    exclusiveMaximum = decimal(json, "exclusiveMaximum");
    minLength = integer(json, "minLength");
    maxLength = integer(json, "maxLength");
    minItems = integer(json, "minItems");
    maxItems = integer(json, "maxItems");
    uniqueItems = json.has("uniqueItems") && json.get("uniqueItems").getAsBoolean();
    pattern = json.has("pattern") ? json.get("pattern").getAsString() : null;
    compiledPattern = compile(pattern);
    secret = json.has("airbyte_secret") && json.get("airbyte_secret").getAsBoolean();
    items = json.has("items") && json.get("items").isJsonObject() ? new Schema(json.getAsJsonObject("items")) : null;
    JsonElement additional = json.get("additionalProperties");
    additionalAllowed = additional == null || !additional.isJsonPrimitive() || additional.getAsBoolean();
    additionalSchema = additional != null && additional.isJsonObject() ? new Schema(additional.getAsJsonObject()) : null;
    if (json.has("oneOf")) {
      List<Schema> variants = new ArrayList<>();
      for (JsonElement v : json.getAsJsonArray("oneOf")) {
        variants.add(new Schema(v.getAsJsonObject()));
      }
      oneOf = Collections.unmodifiableList(variants);
      discriminator = discriminator(variants);
      Map<String, Schema> byValue = new LinkedHashMap<>();
      if (discriminator != null) {
        for (Schema variant : variants) {
          byValue.put(variant.properties.get(discriminator).fixedValue(), variant);
        }
      }
      variantsByDiscriminator = Collections.unmodifiableMap(byValue);
    } else {
      oneOf = null;
      discriminator = null;
      variantsByDiscriminator = Map.of();
    }
  }

  /** Parses a schema node of the facts file. */
  public static Schema parse(JsonObject json) {
    return new Schema(json);
  }

  /** The property's schema, or null when this object does not describe it. */
  public Schema property(String name) {
    return properties.get(name);
  }

  /** The variant whose discriminator has this value, or null. */
  public Schema variant(String discriminatorValue) {
    return variantsByDiscriminator.get(discriminatorValue);
  }

  /** The {@code n}th oneOf variant. */
  public Schema variant(int n) {
    return oneOf.get(n);
  }

  public java.util.Set<String> propertyNames() {
    return properties.keySet();
  }

  public int variantCount() {
    return oneOf == null ? 0 : oneOf.size();
  }

  public Schema items() {
    return items;
  }

  public boolean isSecret() {
    return secret;
  }

  public Object defaultValue() {
    return defaultValue;
  }

  /** The discriminator values of the oneOf variants, in order; empty without a discriminator. */
  public List<String> discriminatorValues() {
    return List.copyOf(variantsByDiscriminator.keySet());
  }

  boolean matchesPattern(String value) {
    // JSON Schema patterns are not anchored: find, not matches. A pattern Java cannot compile checks nothing.
    return compiledPattern == null || compiledPattern.matcher(value).find();
  }

  /** The variant a value selects by its discriminator, or null when the value names none (or no discriminator). */
  Schema selectedVariant(Object value) {
    if (discriminator == null || !(value instanceof Map<?, ?> map)) {
      return null;
    }
    Object name = map.get(discriminator);
    return name instanceof String s ? variantsByDiscriminator.get(s) : null;
  }

  /** The one string this schema allows: its const, or the value of a one-value enum; else null. */
  String fixedValue() {
    Object value = hasConst ? constValue : enumValues != null && enumValues.size() == 1 ? enumValues.get(0) : null;
    return value instanceof String s ? s : null;
  }

  private static Pattern compile(String pattern) {
    if (pattern == null) {
      return null;
    }
    try {
      return Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      return null;
    }
  }

  private static String discriminator(List<Schema> variants) {
    Set<String> candidates = null;
    for (Schema variant : variants) {
      Set<String> consts = new LinkedHashSet<>();
      variant.properties.forEach((name, p) -> {
        if (p.fixedValue() != null) {
          consts.add(name);
        }
      });
      if (candidates == null) {
        candidates = consts;
      } else {
        candidates.retainAll(consts);
      }
    }
    if (candidates == null) {
      return null;
    }
    for (String candidate : candidates) {
      Set<Object> values = new LinkedHashSet<>();
      variants.forEach(v -> values.add(v.properties.get(candidate).fixedValue()));
      if (values.size() == variants.size()) {
        return candidate;
      }
    }
    return null;
  }

  private static int types(JsonElement type) {
    if (type == null) {
      return ANY;
    }
    if (type.isJsonArray()) {
      int result = 0;
      for (JsonElement t : (JsonArray) type) {
        result |= type(t.getAsString());
      }
      return result;
    }
    return type(type.getAsString());
  }

  private static int type(String name) {
    return switch (name) {
      case "null" -> NULL;
      case "boolean" -> BOOLEAN;
      case "object" -> OBJECT;
      case "array" -> ARRAY;
      case "number" -> NUMBER | INTEGER;
      case "integer" -> INTEGER;
      case "string" -> STRING;
      default -> ANY;
    };
  }

  private static BigDecimal decimal(JsonObject json, String key) {
    return json.has(key) ? json.get(key).getAsBigDecimal() : null;
  }

  private static Integer integer(JsonObject json, String key) {
    return json.has(key) ? json.get(key).getAsInt() : null;
  }
}
