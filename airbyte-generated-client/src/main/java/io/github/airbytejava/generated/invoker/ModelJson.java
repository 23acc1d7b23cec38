package io.github.airbytejava.generated.invoker;

import com.google.gson.JsonElement;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * What the generated models' streaming adapters share: reading and writing one JSON value of each kind straight
 * from a {@link JsonReader} and to a {@link JsonWriter}, with the client's tolerances.
 *
 * <p>Not part of the client's API: only the generated models call it, and it may change in any release.
 *
 * <ul>
 *   <li>A value of the wrong shape is a {@link JsonShapeException} naming its JSON path and the shapes involved,
 *       never the value itself (a connector configuration may hold a password).
 *   <li>Free-form JSON (connector configuration, unknown fields) keeps its numbers exact: an integer reads as a
 *       {@link Long} ({@code 5432} stays {@code 5432}, {@code 9007199254740993} stays exact), anything else as a
 *       {@link Double}; objects read as insertion-ordered maps, arrays as lists.
 *   <li>Scalars are read as Gson's own adapters read them: a number or a boolean where a string is expected is its
 *       text, a quoted number where a number is expected is that number, {@code "true"} is a boolean.
 * </ul>
 */
public final class ModelJson {
  private ModelJson() {}

  /** Strings, as Gson reads them: a number or a boolean is its text. */
  public static final TypeAdapter<String> STRING = adapter(ModelJson::readString, JsonWriter::value);
  public static final TypeAdapter<UUID> UUID_VALUE = adapter(ModelJson::readUuid, (out, v) -> out.value(v.toString()));
  public static final TypeAdapter<URI> URI_VALUE = adapter(ModelJson::readUri, (out, v) -> out.value(v.toASCIIString()));
  public static final TypeAdapter<Long> LONG = adapter(ModelJson::readLong, JsonWriter::value);
  public static final TypeAdapter<Integer> INTEGER = adapter(ModelJson::readInteger, JsonWriter::value);
  public static final TypeAdapter<Double> DOUBLE = adapter(ModelJson::readDouble, JsonWriter::value);
  public static final TypeAdapter<Float> FLOAT = adapter(ModelJson::readFloat, JsonWriter::value);
  public static final TypeAdapter<BigDecimal> DECIMAL = adapter(ModelJson::readBigDecimal, JsonWriter::value);
  public static final TypeAdapter<Boolean> BOOLEAN = adapter(ModelJson::readBoolean, JsonWriter::value);
  /** A JSON object with any content (a connector configuration). */
  public static final TypeAdapter<Map<String, Object>> OBJECT = adapter(ModelJson::readObject, ModelJson::writeAny);
  /** Any JSON value, numbers kept exact (see the class comment). */
  public static final TypeAdapter<Object> ANY = adapter(ModelJson::readAny, ModelJson::writeAny);

  private interface Reader<T> {
    T read(JsonReader in) throws IOException;
  }

  private interface Writer<T> {
    void write(JsonWriter out, T value) throws IOException;
  }

  /** The models call these adapters with non-null values only when writing; reading handles JSON null. */
  private static <T> TypeAdapter<T> adapter(Reader<T> reader, Writer<? super T> writer) {
    return new TypeAdapter<T>() {
      @Override
      public void write(JsonWriter out, T value) throws IOException {
        if (value == null) out.nullValue();
        else writer.write(out, value);
      }

      @Override
      public T read(JsonReader in) throws IOException {
        return reader.read(in);
      }
    };
  }

  // ------------------------------------------------------------------------------------------------------- reading

  public static String readString(JsonReader in) throws IOException {
    JsonToken token = in.peek();
    switch (token) {
      case STRING:
      case NUMBER:
        return in.nextString();
      case NULL:
        in.nextNull();
        return null;
      case BOOLEAN:
        return in.nextBoolean() ? "true" : "false";
      default:
        throw unexpected(in, "a string", token);
    }
  }

  public static UUID readUuid(JsonReader in) throws IOException {
    String text = readText(in, "a UUID");
    if (text == null) return null;
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw new JsonShapeException(in.getPreviousPath(), "expected a UUID at " + in.getPreviousPath()
          + ", found a string that is not one");
    }
  }

  public static URI readUri(JsonReader in) throws IOException {
    String text = readText(in, "a URI");
    if (text == null) return null;
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      throw new JsonShapeException(in.getPreviousPath(), "expected a URI at " + in.getPreviousPath()
          + ", found a string that is not one");
    }
  }

  public static Long readLong(JsonReader in) throws IOException {
    if (!numberAhead(in, "an integer")) return null;
    try {
      return in.nextLong();
    } catch (NumberFormatException e) {
      throw notANumber(in, "an integer (64-bit)");
    }
  }

  public static Integer readInteger(JsonReader in) throws IOException {
    if (!numberAhead(in, "an integer")) return null;
    try {
      return in.nextInt();
    } catch (NumberFormatException e) {
      throw notANumber(in, "an integer (32-bit)");
    }
  }

  public static Double readDouble(JsonReader in) throws IOException {
    if (!numberAhead(in, "a number")) return null;
    try {
      return in.nextDouble();
    } catch (NumberFormatException e) {
      throw notANumber(in, "a number");
    }
  }

  public static Float readFloat(JsonReader in) throws IOException {
    Double value = readDouble(in);
    return value == null ? null : value.floatValue();
  }

  public static BigDecimal readBigDecimal(JsonReader in) throws IOException {
    if (!numberAhead(in, "a number")) return null;
    String text = in.nextString();
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new JsonShapeException(in.getPreviousPath(), "expected a number at " + in.getPreviousPath()
          + ", found a string that is not one");
    }
  }

  public static Boolean readBoolean(JsonReader in) throws IOException {
    JsonToken token = in.peek();
    switch (token) {
      case BOOLEAN:
        return in.nextBoolean();
      case STRING:
        return Boolean.parseBoolean(in.nextString());
      case NULL:
        in.nextNull();
        return null;
      default:
        throw unexpected(in, "a boolean", token);
    }
  }

  /** A JSON object with any content (a connector configuration), or null. */
  public static Map<String, Object> readObject(JsonReader in) throws IOException {
    JsonToken token = in.peek();
    if (token == JsonToken.NULL) {
      in.nextNull();
      return null;
    }
    if (token != JsonToken.BEGIN_OBJECT) throw unexpected(in, "an object", token);
    return readMap(in);
  }

  /** Any JSON value: see the class comment for the Java types. */
  public static Object readAny(JsonReader in) throws IOException {
    // Recursive: JsonReader's nesting limit (255) bounds the depth, so hostile input cannot overflow the stack.
    switch (in.peek()) {
      case BEGIN_OBJECT:
        return readMap(in);
      case BEGIN_ARRAY:
        List<Object> list = new ArrayList<>();
        in.beginArray();
        while (in.hasNext()) list.add(readAny(in));
        in.endArray();
        return list;
      case STRING:
        return in.nextString();
      case NUMBER:
        return readNumber(in);
      case BOOLEAN:
        return in.nextBoolean();
      case NULL:
        in.nextNull();
        return null;
      default: // END_*, NAME, END_DOCUMENT: the reader itself rejects these first
        throw unexpected(in, "a value", in.peek());
    }
  }

  private static Map<String, Object> readMap(JsonReader in) throws IOException {
    Map<String, Object> map = new LinkedHashMap<>();
    in.beginObject();
    while (in.hasNext()) {
      String name = in.nextName();
      map.put(name, readAny(in));
    }
    in.endObject();
    return map;
  }

  /** An integer as a Long where it fits, anything else as a Double: Gson's {@code ToNumberPolicy.LONG_OR_DOUBLE}. */
  private static Number readNumber(JsonReader in) throws IOException {
    String text = in.nextString();
    if (text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        // beyond a long: a double, as Gson does
      }
    }
    double value = Double.parseDouble(text); // the reader has checked it is a JSON number
    if (Double.isInfinite(value) && !in.isLenient()) {
      throw new JsonShapeException(in.getPreviousPath(), "a number too large for a double at "
          + in.getPreviousPath());
    }
    return value;
  }

  /** A JSON array, each item read by {@code item}; null for JSON null. */
  public static <T> List<T> readList(JsonReader in, TypeAdapter<T> item) throws IOException {
    JsonToken token = in.peek();
    if (token == JsonToken.NULL) {
      in.nextNull();
      return null;
    }
    if (token != JsonToken.BEGIN_ARRAY) throw unexpected(in, "an array", token);
    List<T> list = new ArrayList<>();
    in.beginArray();
    while (in.hasNext()) list.add(item.read(in));
    in.endArray();
    return list;
  }

  /**
   * Each string of {@code raw} as an enum constant ({@code fromValue} maps unknown values to the enum's
   * {@code UNKNOWN_DEFAULT_OPEN_API}); null for null.
   */
  public static <E> List<E> enumList(List<String> raw, Function<String, E> fromValue) {
    if (raw == null) return null;
    List<E> list = new ArrayList<>(raw.size());
    for (String value : raw) list.add(value == null ? null : fromValue.apply(value));
    return list;
  }

  /** An adapter for lists whose items {@code item} reads and writes. */
  public static <T> TypeAdapter<List<T>> listOf(TypeAdapter<T> item) {
    return new TypeAdapter<List<T>>() {
      @Override
      public void write(JsonWriter out, List<T> value) throws IOException {
        writeList(out, value, item);
      }

      @Override
      public List<T> read(JsonReader in) throws IOException {
        return readList(in, item);
      }
    };
  }

  private static String readText(JsonReader in, String expected) throws IOException {
    JsonToken token = in.peek();
    if (token == JsonToken.STRING) return in.nextString();
    if (token == JsonToken.NULL) {
      in.nextNull();
      return null;
    }
    throw unexpected(in, expected, token);
  }

  /** True when a number (or a quoted one) is next, false after consuming a null. */
  private static boolean numberAhead(JsonReader in, String expected) throws IOException {
    JsonToken token = in.peek();
    if (token == JsonToken.NUMBER || token == JsonToken.STRING) return true;
    if (token == JsonToken.NULL) {
      in.nextNull();
      return false;
    }
    throw unexpected(in, expected, token);
  }

  private static JsonShapeException notANumber(JsonReader in, String expected) {
    // The failed read left the value in the reader: getPath() still points at it.
    return new JsonShapeException(in.getPath(), "expected " + expected + " at " + in.getPath()
        + ", found a value that is not one");
  }

  /** The value ahead is of the wrong kind: names the path and both kinds, never the value. */
  public static JsonShapeException unexpected(JsonReader in, String expected, JsonToken found) {
    return new JsonShapeException(in.getPath(), "expected " + expected + " at " + in.getPath() + ", found "
        + describe(found));
  }

  private static String describe(JsonToken token) {
    switch (token) {
      case BEGIN_OBJECT: return "an object";
      case BEGIN_ARRAY: return "an array";
      case STRING: return "a string";
      case NUMBER: return "a number";
      case BOOLEAN: return "a boolean";
      case NULL: return "null";
      default: return "the end of the " + (token == JsonToken.END_DOCUMENT ? "document" : "enclosing value");
    }
  }

  // ------------------------------------------------------------------------------------------------------- writing

  /** Writes {@code "name": null} even though the writer drops nulls: a field the caller set to null on purpose. */
  public static void writeNull(JsonWriter out, String name) throws IOException {
    boolean serializeNulls = out.getSerializeNulls();
    out.setSerializeNulls(true);
    out.name(name).nullValue();
    out.setSerializeNulls(serializeNulls);
  }

  public static <T> void writeList(JsonWriter out, Collection<T> list, TypeAdapter<T> item) throws IOException {
    if (list == null) {
      out.nullValue();
      return;
    }
    out.beginArray();
    for (T value : list) {
      if (value == null) out.nullValue();
      else item.write(out, value);
    }
    out.endArray();
  }

  /**
   * A list of enum constants. Each {@code unknown} constant is written as the next string of {@code raw} (the
   * strings the list was read from) that is not a known value, so values this client does not know go back to the
   * server unchanged, also after the caller added or removed known values.
   */
  public static <E> void writeEnumList(JsonWriter out, List<E> list, E unknown, Object raw,
      Function<String, E> fromValue, Function<E, String> value) throws IOException {
    if (list == null) {
      out.nullValue();
      return;
    }
    Iterator<?> unknownStrings = raw instanceof List ? ((List<?>) raw).iterator() : null;
    out.beginArray();
    for (E constant : list) {
      if (constant == null) {
        out.nullValue();
        continue;
      }
      String text = null;
      while (constant == unknown && unknownStrings != null && unknownStrings.hasNext() && text == null) {
        Object candidate = unknownStrings.next();
        if (candidate instanceof String && fromValue.apply((String) candidate) == unknown) text = (String) candidate;
      }
      out.value(text != null ? text : value.apply(constant));
    }
    out.endArray();
  }

  /** Any value a caller may put in a free-form map or an additional property. */
  public static void writeAny(JsonWriter out, Object value) throws IOException {
    if (value == null) {
      out.nullValue();
    } else if (value instanceof String) {
      out.value((String) value);
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte) {
      out.value(((Number) value).longValue());
    } else if (value instanceof Number) {
      out.value((Number) value);
    } else if (value instanceof Boolean) {
      out.value((Boolean) value);
    } else if (value instanceof Map) {
      out.beginObject();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        // Free-form JSON goes back as it came: a null stays a null (the writer would drop it).
        if (entry.getValue() == null) {
          writeNull(out, String.valueOf(entry.getKey()));
        } else {
          out.name(String.valueOf(entry.getKey()));
          writeAny(out, entry.getValue());
        }
      }
      out.endObject();
    } else if (value instanceof Collection) {
      out.beginArray();
      for (Object item : (Collection<?>) value) writeAny(out, item);
      out.endArray();
    } else if (value instanceof Character || value instanceof Enum || value instanceof UUID
        || value instanceof URI) {
      out.value(value.toString()); // the generated enums' toString() is their wire value
    } else if (value.getClass().isArray() && !(value instanceof byte[])) {
      out.beginArray();
      for (int i = 0, n = Array.getLength(value); i < n; i++) writeAny(out, Array.get(value, i));
      out.endArray();
    } else if (value instanceof JsonElement) {
      com.google.gson.internal.Streams.write((JsonElement) value, out);
    } else {
      // A model or any other object: whatever adapter the client's Gson has for it.
      JSON.getGson().toJson(value, value.getClass(), out);
    }
  }
}
