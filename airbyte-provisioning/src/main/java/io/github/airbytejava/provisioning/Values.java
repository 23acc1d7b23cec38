package io.github.airbytejava.provisioning;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/** JSON values as plain Java (maps, lists, strings, numbers, booleans, null, and {@link Secret}s in desired ones). */
final class Values {
  /** What Airbyte answers in place of a secret. */
  static final String MASK = "**********";

  private Values() {}

  /** A deep, unmodifiable copy of desired values: strings holding {@code ${NAME}} become {@link Secret}s. */
  static Map<String, Object> desiredObject(Map<String, ?> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(k, desired(v)));
    return Collections.unmodifiableMap(out);
  }

  static Object desired(Object value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), desired(v)));
      return Collections.unmodifiableMap(out);
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(v -> out.add(desired(v)));
      return Collections.unmodifiableList(out);
    }
    if (value instanceof String s) {
      Secret secret = Secret.parse(s);
      return secret != null ? secret : Secret.unescape(s);
    }
    if (value == null || value instanceof Boolean || value instanceof Secret) return value;
    if (value instanceof Number n) return number(n);
    throw new IllegalArgumentException("Not a JSON value: a " + value.getClass().getName());
  }

  /** A live value (as Gson gave it) as plain Java, numbers as Long or BigDecimal. */
  static Object live(Object value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), live(v)));
      return out;
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(v -> out.add(live(v)));
      return out;
    }
    if (value instanceof Number n) return number(n);
    return value;
  }

  /** Long when integral and in range, else BigDecimal: {@code 5432}, {@code 5432.0} and {@code 5432L} are one value. */
  static Number number(Number n) {
    if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) return n.longValue();
    BigDecimal d = n instanceof BigDecimal b ? b : n instanceof BigInteger i ? new BigDecimal(i)
        : new BigDecimal(n.toString());
    try {
      return d.longValueExact();
    } catch (ArithmeticException notALong) {
      return d.stripTrailingZeros();
    }
  }

  /** JSON equality with numbers compared by value. */
  static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return number(x).equals(number(y)); // one canonical form per value: 5432, 5432L and 5432.0 are equal
    }
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      if (x.size() != y.size()) return false;
      for (Map.Entry<?, ?> e : x.entrySet()) {
        if (!y.containsKey(e.getKey()) || !same(e.getValue(), y.get(e.getKey()))) return false;
      }
      return true;
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) return false;
      for (int i = 0; i < x.size(); i++) if (!same(x.get(i), y.get(i))) return false;
      return true;
    }
    return a == null ? b == null : a.equals(b);
  }

  /** A desired value with every secret replaced by what {@code secret} gives for it. */
  static Object map(Object value, Function<Secret, Object> secret) {
    if (value instanceof Secret s) return secret.apply(s);
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), map(v, secret)));
      return out;
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(v -> out.add(map(v, secret)));
      return out;
    }
    return value;
  }

  /** Prints as {@code (secret)} inside a rendered value. */
  static final Object HIDDEN = new Object() {
    @Override
    public String toString() {
      return "(secret)";
    }
  };

  /**
   * A copy of a value for printing, with the mask and every value at a path {@code secret} accepts hidden; references
   * are kept, as they print as themselves. Paths leave array indexes out, as a schema's secret paths do.
   */
  static Object hidden(Object value, List<String> path, Predicate<List<String>> secret) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> {
        List<String> child = new ArrayList<>(path);
        child.add(String.valueOf(k));
        out.put(String.valueOf(k), hidden(v, child, secret));
      });
      return out;
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(item -> out.add(hidden(item, path, secret)));
      return out;
    }
    if (value == null || value instanceof Secret) return value;
    return MASK.equals(value) || secret.test(path) ? HIDDEN : value;
  }

  /** A value for plans and messages: strings quoted, secrets as {@code (secret)} unless shown by reference. */
  static String render(Object value) {
    StringBuilder out = new StringBuilder();
    render(value, out);
    return out.toString();
  }

  private static void render(Object value, StringBuilder out) {
    if (value instanceof Secret s) {
      out.append("(secret ").append(s.template()).append(')');
    } else if (value instanceof String s) {
      out.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    } else if (value instanceof Map<?, ?> m) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) out.append(", ");
        first = false;
        out.append(e.getKey()).append(": ");
        render(e.getValue(), out);
      }
      out.append('}');
    } else if (value instanceof List<?> l) {
      out.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) out.append(", ");
        render(l.get(i), out);
      }
      out.append(']');
    } else if (value instanceof BigDecimal d) {
      out.append(d.toPlainString());
    } else {
      out.append(value);
    }
  }
}
