package io.github.airbytejava.connectors.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies of configuration values with secrets replaced by {@value Values#MASK}: every field the schema marks
 * {@code airbyte_secret}, and every value the schema does not describe (a field newer than the facts, or any field
 * of an unknown connector), since nothing says it is not a secret. Not API.
 */
public final class Masking {
  private Masking() {
  }

  public static Object masked(Schema schema, Object value) {
    if (schema == null) {
      return maskAll(value);
    }
    if (schema.secret) {
      return value == null ? null : Values.MASK;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String key = (String) e.getKey();
        copy.put(key, masked(property(schema, map, key), e.getValue()));
      }
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(item -> copy.add(masked(schema.items, item)));
      return copy;
    }
    return value;
  }

  /**
   * The schema of {@code key} in an object of this schema: its own property, else that of the variant the object
   * selects, else of the first variant that has it (for an object that names no variant).
   */
  static Schema property(Schema schema, Map<?, ?> object, String key) {
    Schema own = schema.properties.get(key);
    if (own != null || schema.oneOf == null) {
      return own != null ? own : schema.additionalSchema;
    }
    Schema selected = schema.selectedVariant(object);
    if (selected != null) {
      return selected.properties.get(key);
    }
    for (Schema variant : schema.oneOf) {
      Schema p = variant.properties.get(key);
      if (p != null && p.secret) {
        return p;
      }
    }
    for (Schema variant : schema.oneOf) {
      Schema p = variant.properties.get(key);
      if (p != null) {
        return p;
      }
    }
    return null;
  }

  private static Object maskAll(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put((String) k, maskAll(v)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(item -> copy.add(maskAll(item)));
      return copy;
    }
    return value == null ? null : Values.MASK;
  }
}
