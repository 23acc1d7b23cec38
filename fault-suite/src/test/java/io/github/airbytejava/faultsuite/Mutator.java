package io.github.airbytejava.faultsuite;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Corrupts a well-formed JSON body the ways servers, proxies and networks do: cut short, bytes flipped, characters
 * dropped or doubled, values of the wrong type, nulls, missing fields, absurd nesting, numbers out of range, unknown
 * enum values, junk around the document. Deterministic for a given {@link Random}.
 */
final class Mutator {
  /** A corrupted body and the names of the corruptions applied, in order. */
  record Corrupted(byte[] body, List<String> steps) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private static final String DEEP_MARKER = "__fault_suite_deep__";
  private static final String[] KINDS = {
      "truncate", "flipBytes", "dropChars", "duplicateChars", "swapType", "insertNull", "deleteField",
      "deepNesting", "hugeNumber", "unknownEnum", "junkAround", "duplicateKey", "replaceWhole"};

  private final Random random;

  Mutator(Random random) {
    this.random = random;
  }

  /** One to three corruptions of {@code json}. */
  Corrupted corrupt(String json) {
    int count = 1 + random.nextInt(3);
    List<String> steps = new ArrayList<>();
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < count; i++) {
      String kind = KINDS[random.nextInt(KINDS.length)];
      byte[] next = apply(kind, body);
      steps.add(kind);
      body = next;
    }
    return new Corrupted(body, steps);
  }

  private byte[] apply(String kind, byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    return switch (kind) {
      case "truncate" -> bytes(text.substring(0, random.nextInt(text.length() + 1)));
      case "flipBytes" -> flipBytes(body);
      case "dropChars" -> bytes(dropChars(text));
      case "duplicateChars" -> bytes(duplicateChars(text));
      case "swapType" -> bytes(onTree(text, this::swapType));
      case "insertNull" -> bytes(onTree(text, this::insertNull));
      case "deleteField" -> bytes(onTree(text, this::deleteField));
      case "deepNesting" -> bytes(deepNesting(text));
      case "hugeNumber" -> bytes(onTree(text, this::hugeNumber));
      case "unknownEnum" -> bytes(onTree(text, this::unknownEnum));
      case "junkAround" -> bytes(junkAround(text));
      case "duplicateKey" -> bytes(duplicateKey(text));
      case "replaceWhole" -> bytes(randomValue().toString());
      default -> throw new IllegalStateException(kind);
    };
  }

  private byte[] flipBytes(byte[] body) {
    byte[] copy = body.clone();
    if (copy.length == 0) return copy;
    int flips = 1 + random.nextInt(5);
    for (int i = 0; i < flips; i++) {
      int at = random.nextInt(copy.length);
      copy[at] = (byte) (copy[at] ^ (1 << random.nextInt(8)));
    }
    return copy;
  }

  private String dropChars(String text) {
    StringBuilder s = new StringBuilder(text);
    int drops = 1 + random.nextInt(5);
    for (int i = 0; i < drops && s.length() > 0; i++) s.deleteCharAt(random.nextInt(s.length()));
    return s.toString();
  }

  private String duplicateChars(String text) {
    if (text.isEmpty()) return text;
    StringBuilder s = new StringBuilder(text);
    int at = random.nextInt(s.length());
    int length = 1 + random.nextInt(Math.min(20, s.length() - at));
    s.insert(at, s.substring(at, at + length));
    return s.toString();
  }

  /** Applies {@code edit} to a random place of the parsed document; text that does not parse is left as it is. */
  private String onTree(String text, Consumer<Slot> edit) {
    JsonElement root;
    try {
      root = JsonParser.parseString(text);
    } catch (RuntimeException notJson) {
      return text;
    }
    JsonArray holder = new JsonArray();
    holder.add(root);
    List<Slot> slots = new ArrayList<>();
    slots.add(new Slot(holder, null, 0, true));
    collect(root, slots);
    edit.accept(slots.get(random.nextInt(slots.size())));
    return holder.get(0).toString();
  }

  private void swapType(Slot slot) {
    JsonElement old = slot.get();
    JsonElement replacement;
    do {
      replacement = randomValue();
    } while (sameKind(old, replacement));
    slot.set(replacement);
  }

  private void insertNull(Slot slot) {
    JsonElement value = slot.get();
    if (value.isJsonArray() && random.nextBoolean()) {
      value.getAsJsonArray().add(JsonNull.INSTANCE); // a null item in a list
    } else {
      slot.set(JsonNull.INSTANCE);
    }
  }

  private void deleteField(Slot slot) {
    JsonElement value = slot.get();
    if (value.isJsonObject() && !value.getAsJsonObject().isEmpty()) {
      List<String> keys = new ArrayList<>(value.getAsJsonObject().keySet());
      value.getAsJsonObject().remove(keys.get(random.nextInt(keys.size())));
    } else {
      slot.remove();
    }
  }

  private void hugeNumber(Slot slot) {
    String[] numbers = {"1e400", "-1e400", "99999999999999999999999999", "-9223372036854775809", "1.5", "-0", "NaN"};
    String number = numbers[random.nextInt(numbers.length)];
    slot.set(number.equals("NaN") ? new JsonPrimitive(Double.NaN) : new JsonPrimitive(new BigDecimal(number)));
  }

  private void unknownEnum(Slot slot) {
    String[] values = {"queued_for_later", "SUCCEEDED", "", "running ", "\u00e9t\u00e9", "null"};
    slot.set(new JsonPrimitive(values[random.nextInt(values.length)]));
  }

  /** A value nested 20 to 5,000 levels deep in place of a random value; built as text, Gson would recurse. */
  private String deepNesting(String text) {
    String marked = onTree(text, slot -> slot.set(new JsonPrimitive(DEEP_MARKER)));
    int[] depths = {20, 200, 300, 1_000, 5_000};
    int depth = depths[random.nextInt(depths.length)];
    boolean objects = random.nextBoolean();
    StringBuilder deep = new StringBuilder();
    for (int i = 0; i < depth; i++) deep.append(objects ? "{\"a\":" : "[");
    deep.append("1");
    for (int i = 0; i < depth; i++) deep.append(objects ? "}" : "]");
    String quoted = "\"" + DEEP_MARKER + "\"";
    return marked.contains(quoted) ? marked.replace(quoted, deep) : deep + marked;
  }

  private String junkAround(String text) {
    String[] prefixes = {"\uFEFF", ")]}'\n", "\u0000", "null", "  \r\n", "<!-- proxy -->"};
    String[] suffixes = {"", "}", "]", "\u0000", "garbage", "{\"more\":1}", "\n\n"};
    return prefixes[random.nextInt(prefixes.length)] + text + suffixes[random.nextInt(suffixes.length)];
  }

  /** Repeats the first key of the document with another value: {@code {"a":1, "a":"x", ...}}. */
  private String duplicateKey(String text) {
    int brace = text.indexOf("{\"");
    int colon = brace < 0 ? -1 : text.indexOf("\":", brace);
    if (colon < 0) return text;
    String key = text.substring(brace + 1, colon + 1);
    return text.substring(0, brace + 1) + key + ":" + randomValue() + "," + text.substring(brace + 1);
  }

  private JsonElement randomValue() {
    List<Supplier<JsonElement>> makers = List.of(
        () -> new JsonPrimitive("x"),
        () -> new JsonPrimitive(12345),
        () -> new JsonPrimitive(-1),
        () -> new JsonPrimitive(3.5),
        () -> new JsonPrimitive(true),
        () -> JsonNull.INSTANCE,
        JsonObject::new,
        JsonArray::new,
        () -> {
          JsonObject nested = new JsonObject();
          nested.add("data", new JsonArray());
          nested.addProperty("sourceId", "not-a-uuid");
          return nested;
        });
    return makers.get(random.nextInt(makers.size())).get();
  }

  private static boolean sameKind(JsonElement a, JsonElement b) {
    if (a.isJsonNull() || b.isJsonNull()) return a.isJsonNull() && b.isJsonNull();
    if (a.isJsonObject() || b.isJsonObject()) return a.isJsonObject() && b.isJsonObject();
    if (a.isJsonArray() || b.isJsonArray()) return a.isJsonArray() && b.isJsonArray();
    JsonPrimitive x = a.getAsJsonPrimitive();
    JsonPrimitive y = b.getAsJsonPrimitive();
    return x.isString() == y.isString() && x.isNumber() == y.isNumber() && x.isBoolean() == y.isBoolean();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Every value of the document, each as a place that can be read, replaced or removed. */
  private static void collect(JsonElement parent, List<Slot> slots) {
    if (parent.isJsonArray()) {
      JsonArray array = parent.getAsJsonArray();
      for (int i = 0; i < array.size(); i++) {
        slots.add(new Slot(array, null, i, false));
        collect(array.get(i), slots);
      }
    } else if (parent.isJsonObject()) {
      for (Map.Entry<String, JsonElement> entry : parent.getAsJsonObject().entrySet()) {
        slots.add(new Slot(parent, entry.getKey(), -1, false));
        collect(entry.getValue(), slots);
      }
    }
  }

  /** A member of an object, an element of an array, or (root) the document itself. */
  private record Slot(JsonElement parent, String key, int index, boolean root) {
    JsonElement get() {
      return key != null ? parent.getAsJsonObject().get(key) : parent.getAsJsonArray().get(index);
    }

    void set(JsonElement value) {
      if (key != null) {
        parent.getAsJsonObject().add(key, value);
      } else {
        parent.getAsJsonArray().set(index, value);
      }
    }

    void remove() {
      if (key != null) {
        parent.getAsJsonObject().remove(key);
      } else if (!root) {
        parent.getAsJsonArray().remove(index);
      } else {
        set(JsonNull.INSTANCE); // the document itself: there is nothing to remove it from
      }
    }
  }
}
