package io.github.airbytejava.connectors;

import io.github.airbytejava.connectors.internal.FrozenMap;
import io.github.airbytejava.connectors.internal.Masking;
import io.github.airbytejava.connectors.internal.Schema;
import io.github.airbytejava.connectors.internal.Shape;
import io.github.airbytejava.connectors.internal.Values;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * An immutable view of one JSON object of a connector configuration: a whole configuration, a oneOf variant (an SSL
 * mode, a replication method) or a nested object. The generated subclasses add one typed accessor per field; the
 * JSON itself is kept as it came, unknown fields and exact numbers included, so {@link #toJson()} gives back what was
 * read. {@link #toString()} masks every secret field.
 */
public abstract class ConfigObject {
  private final Shape shape;
  private final Map<String, Object> values;

  /** For the generated classes: {@code values} must be frozen ({@link #frozen(Map)}). */
  protected ConfigObject(Shape shape, Map<String, Object> values) {
    this.shape = Objects.requireNonNull(shape, "shape");
    this.values = Objects.requireNonNull(values, "values");
  }

  /** A deep, mutable copy of the JSON object: maps, lists, strings, booleans, Long and BigDecimal numbers. */
  @SuppressWarnings("unchecked")
  public final Map<String, Object> toMap() {
    return (Map<String, Object>) Values.mutableCopy(values);
  }

  /** The JSON object as text, numbers exactly as held, secrets not masked. */
  public final String toJson() {
    return Values.toJson(values);
  }

  /** The raw value of any field, typed or not: an unmodifiable map or list, a string, boolean, number, or null. */
  public final Object get(String key) {
    return values.get(key);
  }

  /** The fields the connector's schema does not describe (newer than the facts this module was built with). */
  public final Map<String, Object> unknownFields() {
    Schema schema = shape.schema();
    Map<String, Object> unknown = new LinkedHashMap<>();
    values.forEach((key, value) -> {
      if (schema == null || !knows(schema, key)) {
        unknown.put(key, value);
      }
    });
    return Collections.unmodifiableMap(unknown);
  }

  private static boolean knows(Schema schema, String key) {
    if (schema.property(key) != null) {
      return true;
    }
    return !schema.discriminatorValues().isEmpty() && schema.discriminatorValues().stream()
        .anyMatch(v -> schema.variant(v).property(key) != null);
  }

  /** For the generated classes: the JSON object, frozen (as {@link ConfigBuilder} takes it). */
  protected final Map<String, Object> frozenValues() {
    return values;
  }

  final Shape shape() {
    return shape;
  }

  /** Equal when of the same class with equal JSON. */
  @Override
  public final boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && ((ConfigObject) o).values.equals(values);
  }

  @Override
  public final int hashCode() {
    return values.hashCode();
  }

  /** The class name and the JSON, every secret field (and every field the schema does not describe) masked. */
  @Override
  public String toString() {
    return getClass().getSimpleName() + Values.toJson(Masking.masked(shape.schema(), values));
  }

  // ---- For the generated accessors.

  protected final String string(String key) {
    return asString(values.get(key), key);
  }

  protected final Long integer(String key) {
    return asLong(values.get(key), key);
  }

  protected final BigDecimal number(String key) {
    return asDecimal(values.get(key), key);
  }

  protected final Boolean bool(String key) {
    return asBoolean(values.get(key), key);
  }

  /** A free-form object, unmodifiable. */
  protected final Map<String, Object> map(String key) {
    return asMap(values.get(key), key);
  }

  protected final <T> T object(String key, Function<Object, T> read) {
    Object value = values.get(key);
    return value == null ? null : read.apply(value);
  }

  protected final <T> List<T> list(String key, Function<Object, T> element) {
    Object value = values.get(key);
    if (value == null) {
      return null;
    }
    if (!(value instanceof List<?> items)) {
      throw wrongType(key, value, "an array");
    }
    List<T> result = new ArrayList<>(items.size());
    items.forEach(item -> result.add(item == null ? null : element.apply(item)));
    return Collections.unmodifiableList(result);
  }

  /** For list items. */
  protected static String asString(Object value) {
    return asString(value, "item");
  }

  protected static Long asLong(Object value) {
    return asLong(value, "item");
  }

  protected static BigDecimal asDecimal(Object value) {
    return asDecimal(value, "item");
  }

  protected static Boolean asBoolean(Object value) {
    return asBoolean(value, "item");
  }

  protected static Map<String, Object> asMap(Object value) {
    return asMap(value, "item");
  }

  protected static String asString(Object value, String key) {
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw wrongType(key, value, "a string");
  }

  protected static Long asLong(Object value, String key) {
    if (value == null || value instanceof Long) {
      return (Long) value;
    }
    try {
      if (value instanceof BigDecimal d) {
        return d.longValueExact();
      }
      if (value instanceof String s) {
        return Long.parseLong(s.trim()); // Airbyte has stored ports as "5432"
      }
    } catch (ArithmeticException | NumberFormatException e) {
      // falls through to the type error
    }
    throw wrongType(key, value, "an integer");
  }

  protected static BigDecimal asDecimal(Object value, String key) {
    if (value == null) {
      return null;
    }
    if (value instanceof Long l) {
      return BigDecimal.valueOf(l);
    }
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof String s) {
      try {
        return new BigDecimal(s.trim());
      } catch (NumberFormatException e) {
        // falls through to the type error
      }
    }
    throw wrongType(key, value, "a number");
  }

  protected static Boolean asBoolean(Object value, String key) {
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    throw wrongType(key, value, "a boolean");
  }

  @SuppressWarnings("unchecked")
  protected static Map<String, Object> asMap(Object value, String key) {
    if (value == null || value instanceof Map) {
      return (Map<String, Object>) value;
    }
    throw wrongType(key, value, "an object");
  }

  /** A deep, immutable copy of a configuration map (configuration objects and enum values in it become JSON). */
  @SuppressWarnings("unchecked")
  protected static Map<String, Object> frozen(Map<String, ?> map) {
    return (Map<String, Object>) freeze(Objects.requireNonNull(map, "configuration"));
  }

  /**
   * A deep, immutable copy of a JSON-like value, in one pass (a page of 100 sources copies 100 of these): maps keep
   * their order, integers that fit become Long and other numbers BigDecimal, configuration objects and enum values
   * become their JSON. Anything else is an {@link IllegalArgumentException}.
   */
  static Object freeze(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long) {
      return value;
    }
    if (value instanceof FrozenMap) {
      return value;
    }
    if (value instanceof Map<?, ?> map) {
      String[] keys = new String[map.size()];
      Object[] values = new Object[keys.length];
      int i = 0;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String key)) {
          throw new IllegalArgumentException("a configuration object has a key that is not a string");
        }
        keys[i] = key;
        values[i++] = freeze(e.getValue());
      }
      return new FrozenMap(keys, values);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      for (Object item : list) {
        copy.add(freeze(item));
      }
      return Collections.unmodifiableList(copy);
    }
    if (value instanceof Number number) {
      return Values.number(number);
    }
    if (value instanceof ConfigObject object) {
      return object.values;
    }
    if (value instanceof ConfigEnum e) {
      return e.value();
    }
    if (value instanceof CharSequence text) {
      return text.toString();
    }
    throw new IllegalArgumentException("a " + value.getClass().getName() + " is not a JSON value");
  }

  private static IllegalStateException wrongType(String key, Object value, String expected) {
    String actual = value instanceof String ? "a string" : value instanceof Boolean ? "a boolean"
        : value instanceof Number ? "a number" : value instanceof Map ? "an object" : value instanceof List ? "an array"
        : "a " + value.getClass().getSimpleName();
    return new IllegalStateException("field " + key + " holds " + actual + ", not " + expected);
  }
}
