package io.github.airbytejava.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.ToNumberPolicy;
import com.google.gson.annotations.SerializedName;
import com.google.gson.internal.LazilyParsedNumber;
import com.google.gson.stream.JsonReader;
import io.github.airbytejava.generated.invoker.JSON;
import io.github.airbytejava.generated.model.ConnectionResponse;
import io.github.airbytejava.generated.model.ConnectionsResponse;
import io.github.airbytejava.generated.model.JobResponse;
import io.github.airbytejava.generated.model.JobsResponse;
import io.github.airbytejava.generated.model.SourcesResponse;
import io.github.airbytejava.generated.model.StreamProperties;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The generated streaming adapters against a straightforward reading written here, independent of them: each
 * seeded random body is parsed into a JSON tree and bound to the model field by field by reflection, and the model
 * is written back from a tree the same way. Both must give equal models and the same JSON, for bodies with unknown
 * fields, unknown enum values, missing fields, nulls, large numbers, shuffled field order and Gson's scalar
 * leniencies (a number where a string is expected, a quoted number where a number is).
 */
class AdapterEquivalenceTest {
  private static final long SEED = 0x5EED_2026_12_01L;
  private static final int BODIES = 10_000;
  private static final List<Class<?>> ROOTS = List.of(SourcesResponse.class, JobsResponse.class,
      ConnectionsResponse.class, ConnectionResponse.class, JobResponse.class, StreamProperties.class);
  /** Nulls kept: the body's explicit nulls must reach the adapters, and free-form nulls are written back. */
  private static final Gson TREE_TEXT = new GsonBuilder().serializeNulls().create();

  private final Random random = new Random(SEED);

  @Test
  void streamingAdaptersAndATreeReadingAgreeOnSeededRandomBodies() throws Exception {
    int unknownEnums = 0;
    int unknownFields = 0;
    for (int i = 0; i < BODIES; i++) {
      Class<?> root = ROOTS.get(i % ROOTS.size());
      String body = TREE_TEXT.toJson(randomModel(root, 0));
      unknownEnums += count(body, "\"new_");
      unknownFields += count(body, "\"x_");

      Object streamed = JSON.getGson().fromJson(body, root);
      Object expected = bind(JsonParser.parseString(body), root);

      String where = "body " + i + " (seed " + SEED + "): " + body;
      assertEquals(expected, streamed, where);
      assertEquals(TREE_TEXT.toJson(unbind(expected, root)), JSON.getGson().toJson(streamed), "written back, " + where);
    }
    assertTrue(unknownEnums > 1000 && unknownFields > 10_000,
        "the bodies exercise what they should: " + unknownEnums + " unknown enum values, " + unknownFields
            + " unknown fields");
  }

  private static int count(String text, String what) {
    int n = 0;
    for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) n++;
    return n;
  }

  // ------------------------------------------------------------------------------------------ random bodies

  private JsonElement randomModel(Class<?> model, int depth) {
    JsonObject object = new JsonObject();
    List<Field> fields = new ArrayList<>(properties(model));
    Collections.shuffle(fields, random);
    for (Field field : fields) {
      int dice = random.nextInt(100);
      if (dice < 15) continue; // missing, even where the spec says required
      object.add(wireName(field), dice < 25 ? JsonNull.INSTANCE : randomValue(field.getGenericType(), depth));
    }
    for (int i = random.nextInt(3); i > 0; i--) object.add("x_" + word(), randomFreeForm(depth));
    return object;
  }

  private JsonElement randomValue(Type type, int depth) {
    Class<?> raw = rawClass(type);
    if (raw == String.class) {
      int dice = random.nextInt(20);
      if (dice == 0) return new JsonPrimitive(random.nextInt(1000)); // Gson reads it as its text
      if (dice == 1) return new JsonPrimitive(random.nextBoolean());
      return new JsonPrimitive(text());
    }
    if (raw == UUID.class) return new JsonPrimitive(new UUID(random.nextLong(), random.nextLong()).toString());
    if (raw == Long.class) {
      long value = largeOrSmall();
      return random.nextInt(20) == 0 ? new JsonPrimitive(Long.toString(value)) : new JsonPrimitive(value);
    }
    if (raw == Integer.class) return new JsonPrimitive(random.nextInt());
    if (raw == Boolean.class) {
      return random.nextInt(20) == 0 ? new JsonPrimitive(String.valueOf(random.nextBoolean()))
          : new JsonPrimitive(random.nextBoolean());
    }
    if (raw.isEnum()) {
      if (random.nextInt(5) == 0) return new JsonPrimitive("new_" + word());
      List<Object> known = new ArrayList<>();
      for (Object constant : raw.getEnumConstants()) {
        if (!((Enum<?>) constant).name().equals("UNKNOWN_DEFAULT_OPEN_API")) known.add(constant);
      }
      return new JsonPrimitive(enumValue(known.get(random.nextInt(known.size()))));
    }
    if (raw == Map.class) return randomObject(depth + 1);
    if (raw == Object.class) return randomFreeForm(depth + 1);
    if (raw == List.class) {
      JsonArray array = new JsonArray();
      Type item = ((ParameterizedType) type).getActualTypeArguments()[0];
      for (int i = random.nextInt(depth < 2 ? 4 : 2); i > 0; i--) {
        array.add(random.nextInt(20) == 0 ? JsonNull.INSTANCE : randomValue(item, depth + 1));
      }
      return array;
    }
    if (depth > 4) return JsonNull.INSTANCE;
    return randomModel(raw, depth + 1); // a model
  }

  private JsonElement randomFreeForm(int depth) {
    int dice = random.nextInt(depth > 3 ? 6 : 8);
    switch (dice) {
      case 0: return JsonNull.INSTANCE;
      case 1: return new JsonPrimitive(random.nextBoolean());
      case 2: return new JsonPrimitive(text());
      case 3:
      case 4: return randomNumber();
      case 5: return new JsonPrimitive(largeOrSmall());
      case 6: {
        JsonArray array = new JsonArray();
        for (int i = random.nextInt(4); i > 0; i--) array.add(randomFreeForm(depth + 1));
        return array;
      }
      default: return randomObject(depth + 1);
    }
  }

  private JsonObject randomObject(int depth) {
    JsonObject object = new JsonObject();
    for (int i = random.nextInt(5); i > 0; i--) object.add(word(), randomFreeForm(depth + 1));
    return object;
  }

  private static final String[] NUMBERS = {"0", "-1", "5432", "9007199254740993", "-9007199254740993",
      "9223372036854775807", "-9223372036854775808", "9223372036854775808", "123456789012345678901234567890", "0.5",
      "-2.5E-3", "1e3", "1.0", "3.141592653589793"};

  private JsonElement randomNumber() {
    return new JsonPrimitive(new LazilyParsedNumber(NUMBERS[random.nextInt(NUMBERS.length)]));
  }

  private long largeOrSmall() {
    switch (random.nextInt(6)) {
      case 0: return Long.MAX_VALUE - random.nextInt(10);
      case 1: return Long.MIN_VALUE + random.nextInt(10);
      case 2: return (1L << 53) + 1 + random.nextInt(1000);
      case 3: return random.nextLong();
      default: return random.nextInt(100_000);
    }
  }

  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final String[] ODD = {"\"", "\\", "\n", "\t", "<", ">", "&", "=", "'", "é", "日本", "😀", "\u0000",
      "\u2028", "/", " "};

  private String word() {
    StringBuilder sb = new StringBuilder();
    for (int i = 1 + random.nextInt(8); i > 0; i--) sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    return sb.toString();
  }

  private String text() {
    StringBuilder sb = new StringBuilder();
    for (int i = random.nextInt(6); i > 0; i--) sb.append(random.nextInt(4) == 0 ? ODD[random.nextInt(ODD.length)] : word());
    return sb.toString();
  }

  // ----------------------------------------------------------------------------------- the tree-based reading

  /** A JSON tree bound to {@code type}: the reading the adapters must agree with. */
  private static Object bind(JsonElement json, Type type) throws Exception {
    if (json == null || json.isJsonNull()) return null;
    Class<?> raw = rawClass(type);
    if (raw == String.class) return json.getAsString(); // numbers and booleans as their text, as Gson reads them
    if (raw == UUID.class) return UUID.fromString(json.getAsString());
    if (raw == Long.class) return Long.parseLong(json.getAsString());
    if (raw == Integer.class) return Integer.parseInt(json.getAsString());
    if (raw == Boolean.class) return json.getAsJsonPrimitive().isBoolean() ? json.getAsBoolean()
        : Boolean.parseBoolean(json.getAsString());
    if (raw.isEnum()) return raw.getMethod("fromValue", String.class).invoke(null, json.getAsString());
    if (raw == Map.class || raw == Object.class) return freeForm(json);
    if (raw == List.class) {
      Type item = ((ParameterizedType) type).getActualTypeArguments()[0];
      List<Object> list = new ArrayList<>();
      for (JsonElement element : json.getAsJsonArray()) list.add(bind(element, item));
      return list;
    }
    Object model = raw.getDeclaredConstructor().newInstance();
    Method putAdditional = raw.getMethod("putAdditionalProperty", String.class, Object.class);
    for (Map.Entry<String, JsonElement> entry : json.getAsJsonObject().entrySet()) {
      Field field = propertiesByWireName(raw).get(entry.getKey());
      if (field == null) {
        putAdditional.invoke(model, entry.getKey(), freeForm(entry.getValue()));
        continue;
      }
      Object value = bind(entry.getValue(), field.getGenericType());
      field.set(model, value);
      // An enum value this client does not know: its string is kept under the field's name.
      if (isUnknown(value) || value instanceof List && ((List<?>) value).stream().anyMatch(v -> isUnknown(v))) {
        putAdditional.invoke(model, entry.getKey(), freeForm(entry.getValue()));
      }
    }
    return model;
  }

  private static Object freeForm(JsonElement json) throws IOException {
    if (json.isJsonNull()) return null;
    if (json.isJsonObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Map.Entry<String, JsonElement> entry : json.getAsJsonObject().entrySet()) {
        map.put(entry.getKey(), freeForm(entry.getValue()));
      }
      return map;
    }
    if (json.isJsonArray()) {
      List<Object> list = new ArrayList<>();
      for (JsonElement element : json.getAsJsonArray()) list.add(freeForm(element));
      return list;
    }
    JsonPrimitive primitive = json.getAsJsonPrimitive();
    if (primitive.isBoolean()) return primitive.getAsBoolean();
    if (primitive.isString()) return primitive.getAsString();
    JsonReader number = new JsonReader(new StringReader(primitive.getAsString()));
    return ToNumberPolicy.LONG_OR_DOUBLE.readNumber(number);
  }

  /** A model written back as a tree: set fields in declaration order, then the unknown fields. */
  private static JsonElement unbind(Object value, Type type) throws Exception {
    if (value == null) return JsonNull.INSTANCE;
    Class<?> raw = rawClass(type);
    if (value instanceof String) return new JsonPrimitive((String) value);
    if (value instanceof Number) return new JsonPrimitive((Number) value);
    if (value instanceof Boolean) return new JsonPrimitive((Boolean) value);
    if (value instanceof UUID) return new JsonPrimitive(value.toString());
    if (value.getClass().isEnum()) return new JsonPrimitive(enumValue(value));
    if (raw == Map.class || raw == Object.class) return TREE_TEXT.toJsonTree(value);
    if (value instanceof List) {
      Type item = ((ParameterizedType) type).getActualTypeArguments()[0];
      JsonArray array = new JsonArray();
      for (Object element : (List<?>) value) array.add(unbind(element, item));
      return array;
    }
    JsonObject object = new JsonObject();
    @SuppressWarnings("unchecked")
    Map<String, Object> additional = (Map<String, Object>) raw.getMethod("getAdditionalProperties").invoke(value);
    for (Field field : properties(raw)) {
      Object fieldValue = field.get(value);
      if (fieldValue == null) continue;
      Object kept = additional == null ? null : additional.get(wireName(field));
      JsonElement written = unbind(fieldValue, field.getGenericType());
      if (isUnknown(fieldValue) && kept instanceof String) written = new JsonPrimitive((String) kept);
      if (fieldValue instanceof List && kept instanceof List) {
        for (int i = 0; i < ((List<?>) fieldValue).size(); i++) {
          if (isUnknown(((List<?>) fieldValue).get(i))) written.getAsJsonArray().set(i, unbind(((List<?>) kept).get(i), String.class));
        }
      }
      object.add(wireName(field), written);
    }
    if (additional != null) {
      for (Map.Entry<String, Object> entry : additional.entrySet()) {
        if (!propertiesByWireName(raw).containsKey(entry.getKey())) object.add(entry.getKey(), TREE_TEXT.toJsonTree(entry.getValue()));
      }
    }
    return object;
  }

  // ------------------------------------------------------------------------------------------------- reflection

  private static final Map<Class<?>, List<Field>> PROPERTIES = new LinkedHashMap<>();

  /** The model's properties, in declaration order: its instance fields that carry a JSON name. */
  private static List<Field> properties(Class<?> model) {
    return PROPERTIES.computeIfAbsent(model, m -> {
      List<Field> fields = new ArrayList<>();
      for (Field field : m.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers()) && field.isAnnotationPresent(SerializedName.class)) {
          field.setAccessible(true);
          fields.add(field);
        }
      }
      return fields;
    });
  }

  private static Map<String, Field> propertiesByWireName(Class<?> model) {
    Map<String, Field> byName = new LinkedHashMap<>();
    for (Field field : properties(model)) byName.put(wireName(field), field);
    return byName;
  }

  private static String wireName(Field field) {
    return field.getAnnotation(SerializedName.class).value();
  }

  private static boolean isUnknown(Object value) {
    return value instanceof Enum && ((Enum<?>) value).name().equals("UNKNOWN_DEFAULT_OPEN_API");
  }

  private static String enumValue(Object constant) {
    try {
      return (String) constant.getClass().getMethod("getValue").invoke(constant);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static Class<?> rawClass(Type type) {
    return type instanceof ParameterizedType ? (Class<?>) ((ParameterizedType) type).getRawType() : (Class<?>) type;
  }
}
