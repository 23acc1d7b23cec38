package io.github.airbytejava.connectors.internal;

import io.github.airbytejava.connectors.ConfigurationProblem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a configuration against its schema as a JSON Schema (draft 7) validator would: {@code type},
 * {@code required}, {@code enum}, {@code const}, bounds, lengths, {@code pattern}, {@code items},
 * {@code uniqueItems}, {@code additionalProperties} and exactly one {@code oneOf} variant. {@code format} is an
 * annotation, not checked (several connectors give patterns no RFC 3339 date matches). Messages name the path and
 * what is expected, never the value. Not API.
 */
public final class Validator {
  /** Set while checking inside a list: a PATCH replaces a list whole, so its items are checked in full. */
  private boolean partial;
  private final Set<String> rootAllowed;
  private final List<ConfigurationProblem> problems = new ArrayList<>();
  /** Near misses of field names where the schema allows any field, which are not errors. */
  private final List<ConfigurationProblem> warnings = new ArrayList<>();

  private Validator(boolean partial, Set<String> rootAllowed) {
    this.partial = partial;
    this.rootAllowed = rootAllowed;
  }

  /**
   * The problems of a whole configuration. {@code partial} (for a PATCH, merged into the stored configuration by
   * the server) skips {@code required} and oneOf variants whose discriminator the value does not give, except
   * inside lists, which the server replaces whole.
   * {@code rootAllowed}: top-level keys always allowed (the connector's {@code sourceType}/{@code destinationType}).
   */
  public static List<ConfigurationProblem> validate(Schema schema, Map<String, ?> configuration, boolean partial,
      Set<String> rootAllowed) {
    Validator validator = new Validator(partial, rootAllowed);
    validator.check(schema, configuration, "");
    return validator.problems;
  }

  /**
   * Fields that are probably misspelt where the schema allows fields it does not name, so that they are no error:
   * {@code hots: is not a field of this schema; did you mean host?}. Checked as a PATCH would be (nothing required).
   */
  public static List<ConfigurationProblem> warnings(Schema schema, Map<String, ?> configuration,
      Set<String> rootAllowed) {
    Validator validator = new Validator(true, rootAllowed);
    validator.check(schema, configuration, "");
    return validator.warnings;
  }

  private void problem(String path, String message) {
    problems.add(new ConfigurationProblem(path, message));
  }

  private void check(Schema schema, Object value, String path) {
    int kind = kind(value);
    if ((schema.types & kind) == 0) {
      problem(path, "must be " + typeNames(schema.types));
      return;
    }
    // Both apply when both are given (JSON Schema checks every keyword): a const outside its own enum matches nothing.
    if (schema.hasConst && !Values.jsonEquals(schema.constValue, value)) {
      problem(path, "must be " + text(schema.constValue));
      return;
    }
    if (schema.enumValues != null && !contains(schema.enumValues, value)) {
      problem(path, "must be one of " + schema.enumValues.stream().map(Validator::text).collect(Collectors.joining(", ")));
      return;
    }
    if (value instanceof String s) {
      checkString(schema, s, path);
    } else if (value instanceof Number n) {
      checkNumber(schema, n, path);
    } else if (value instanceof Map<?, ?> map) {
      checkObject(schema, map, path);
    } else if (value instanceof List<?> list) {
      checkArray(schema, list, path);
    }
    if (schema.oneOf != null) {
      checkOneOf(schema, value, path);
    }
  }

  private void checkString(Schema schema, String s, String path) {
    if (schema.minLength != null || schema.maxLength != null) {
      int length = s.codePointCount(0, s.length());
      if (schema.minLength != null && length < schema.minLength) {
        problem(path, "must be at least " + schema.minLength + (schema.minLength == 1 ? " character" : " characters") + " long");
      }
      if (schema.maxLength != null && length > schema.maxLength) {
        problem(path, "must be at most " + schema.maxLength + " characters long");
      }
    }
    if (schema.pattern != null && !schema.matchesPattern(s)) {
      problem(path, "must match " + schema.pattern);
    }
  }

  private void checkNumber(Schema schema, Number n, String path) {
    if (schema.minimum == null && schema.maximum == null && schema.exclusiveMinimum == null
        && schema.exclusiveMaximum == null) {
      return;
    }
    BigDecimal d = Values.decimal(n);
    if (schema.minimum != null && d.compareTo(schema.minimum) < 0) {
      problem(path, "must be at least " + schema.minimum.toPlainString());
    }
    if (schema.exclusiveMinimum != null && d.compareTo(schema.exclusiveMinimum) <= 0) {
      problem(path, "must be greater than " + schema.exclusiveMinimum.toPlainString());
    }
    if (schema.maximum != null && d.compareTo(schema.maximum) > 0) {
      problem(path, "must be at most " + schema.maximum.toPlainString());
    }
    if (schema.exclusiveMaximum != null && d.compareTo(schema.exclusiveMaximum) >= 0) {
      problem(path, "must be less than " + schema.exclusiveMaximum.toPlainString());
    }
  }

  private void checkObject(Schema schema, Map<?, ?> map, String path) {
    if (!partial) {
      for (String name : schema.required) {
        if (!map.containsKey(name)) {
          problem(join(path, name), "is required");
        }
      }
    }
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String name = (String) e.getKey();
      Schema property = schema.properties.get(name);
      if (property != null) {
        check(property, e.getValue(), join(path, name));
      } else if (path.isEmpty() && rootAllowed.contains(name)) {
        continue;
      } else if (schema.additionalSchema != null) {
        check(schema.additionalSchema, e.getValue(), join(path, name));
        nearMiss(schema, map, name, path, warnings);
      } else if (!schema.additionalAllowed) {
        List<ConfigurationProblem> hint = new ArrayList<>();
        nearMiss(schema, map, name, path, hint);
        problem(join(path, name), hint.isEmpty() ? "is not a field of this object" : hint.get(0).message());
      } else {
        nearMiss(schema, map, name, path, warnings);
      }
    }
  }

  /**
   * Adds "did you mean" for a field the schema does not name but that is close to one it names (here or in one of
   * its oneOf variants, whose fields the object may carry) and that the value does not set.
   */
  private static void nearMiss(Schema schema, Map<?, ?> map, String name, String path, List<ConfigurationProblem> to) {
    Set<String> known = new java.util.LinkedHashSet<>(schema.properties.keySet());
    if (schema.oneOf != null) {
      schema.oneOf.forEach(variant -> known.addAll(variant.properties.keySet()));
    }
    String at = join(path, name);
    if (known.contains(name) || to.stream().anyMatch(w -> w.path().equals(at))) {
      return;
    }
    known.removeIf(map::containsKey);
    List<String> near = Names.nearest(name, known, 3);
    if (!near.isEmpty()) {
      to.add(new ConfigurationProblem(at,
          "is not a field of this " + (schema.additionalAllowed || schema.additionalSchema != null ? "schema" : "object")
              + "; did you mean " + Names.either(near) + "?"));
    }
  }

  private void checkArray(Schema schema, List<?> list, String path) {
    if (schema.minItems != null && list.size() < schema.minItems) {
      problem(path, "must have at least " + schema.minItems + (schema.minItems == 1 ? " item" : " items"));
    }
    if (schema.maxItems != null && list.size() > schema.maxItems) {
      problem(path, "must have at most " + schema.maxItems + " items");
    }
    if (schema.uniqueItems) {
      outer:
      for (int i = 0; i < list.size(); i++) {
        for (int j = i + 1; j < list.size(); j++) {
          if (Values.jsonEquals(list.get(i), list.get(j))) {
            problem(path, "must not repeat an item (items " + i + " and " + j + " are equal)");
            break outer;
          }
        }
      }
    }
    if (schema.items != null) {
      boolean outside = partial;
      partial = false;
      for (int i = 0; i < list.size(); i++) {
        check(schema.items, list.get(i), path + "[" + i + "]");
      }
      partial = outside;
    }
  }

  private void checkOneOf(Schema schema, Object value, String path) {
    Schema selected = schema.selectedVariant(value);
    if (selected != null) {
      // Every other variant requires another const for the discriminator, so only this one can match.
      check(selected, value, path);
      return;
    }
    if (partial) {
      return;
    }
    int matches = 0;
    for (Schema variant : schema.oneOf) {
      if (validate(variant, value)) {
        matches++;
      }
    }
    if (matches == 1) {
      return;
    }
    if (matches > 1) {
      problem(path, "matches more than one of its " + schema.oneOf.size() + " variants");
    } else if (schema.discriminator != null) {
      Object given = value instanceof Map<?, ?> map ? map.get(schema.discriminator) : null;
      String which = given == null ? "" : " (in " + join(path, schema.discriminator) + ")";
      problem(path, "must be one of " + String.join(", ", schema.discriminatorValues()) + which);
    } else {
      problem(path, "must match exactly one of its " + schema.oneOf.size() + " variants");
    }
  }

  private boolean validate(Schema schema, Object value) {
    Validator probe = new Validator(false, Set.of());
    probe.check(schema, value, "");
    return probe.problems.isEmpty();
  }

  private static boolean contains(List<Object> values, Object value) {
    for (Object v : values) {
      if (Values.jsonEquals(v, value)) {
        return true;
      }
    }
    return false;
  }

  static int kind(Object value) {
    if (value == null) {
      return Schema.NULL;
    }
    if (value instanceof String) {
      return Schema.STRING;
    }
    if (value instanceof Boolean) {
      return Schema.BOOLEAN;
    }
    if (value instanceof Long) {
      return Schema.INTEGER;
    }
    if (value instanceof Number n) {
      BigDecimal d = Values.decimal(n);
      // JSON Schema draft 6 and later: 1.0 is an integer.
      return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0 ? Schema.INTEGER : Schema.NUMBER;
    }
    if (value instanceof Map) {
      return Schema.OBJECT;
    }
    if (value instanceof List) {
      return Schema.ARRAY;
    }
    return 0;
  }

  private static String typeNames(int types) {
    List<String> names = new ArrayList<>();
    if ((types & Schema.STRING) != 0) {
      names.add("a string");
    }
    if ((types & Schema.NUMBER) != 0) {
      names.add("a number");
    } else if ((types & Schema.INTEGER) != 0) {
      names.add("an integer");
    }
    if ((types & Schema.BOOLEAN) != 0) {
      names.add("a boolean");
    }
    if ((types & Schema.OBJECT) != 0) {
      names.add("an object");
    }
    if ((types & Schema.ARRAY) != 0) {
      names.add("an array");
    }
    if ((types & Schema.NULL) != 0) {
      names.add("null");
    }
    return names.size() == 1 ? names.get(0)
        : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
  }

  private static String text(Object value) {
    return value instanceof String s ? s : Values.toJson(value);
  }

  /** {@code a.b}, or {@code a["x.y"]} for a key that is not a plain name. */
  static String join(String path, String key) {
    boolean plain = !key.isEmpty() && key.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-');
    if (!plain) {
      return path + "[" + Values.toJson(key) + "]";
    }
    return path.isEmpty() ? key : path + "." + key;
  }
}
