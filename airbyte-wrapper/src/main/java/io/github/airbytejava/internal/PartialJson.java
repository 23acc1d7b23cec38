package io.github.airbytejava.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.internal.LazilyParsedNumber;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;

/** The part of a JSON text that reads before it ends early or breaks, its open arrays and objects closed. */
final class PartialJson {
  private PartialJson() {}

  /** What {@code text} holds up to where it stops being JSON (a value cut in the middle is left out); or null. */
  static JsonElement read(String text) {
    JsonReader reader = new JsonReader(new StringReader(text));
    Deque<JsonElement> open = new ArrayDeque<>();
    JsonElement[] root = new JsonElement[1];
    String name = null;
    try {
      while (true) {
        switch (reader.peek()) {
          case BEGIN_OBJECT -> {
            reader.beginObject();
            JsonObject object = new JsonObject();
            attach(open, root, name, object);
            open.push(object);
          }
          case BEGIN_ARRAY -> {
            reader.beginArray();
            JsonArray array = new JsonArray();
            attach(open, root, name, array);
            open.push(array);
          }
          case END_OBJECT -> {
            reader.endObject();
            open.pop();
          }
          case END_ARRAY -> {
            reader.endArray();
            open.pop();
          }
          case NAME -> {
            name = reader.nextName();
            continue; // the name belongs to the value that follows
          }
          case STRING -> attach(open, root, name, new JsonPrimitive(reader.nextString()));
          case NUMBER -> attach(open, root, name, new JsonPrimitive(new LazilyParsedNumber(reader.nextString())));
          case BOOLEAN -> attach(open, root, name, new JsonPrimitive(reader.nextBoolean()));
          case NULL -> {
            reader.nextNull();
            attach(open, root, name, JsonNull.INSTANCE);
          }
          case END_DOCUMENT -> {
            return root[0];
          }
        }
        name = null;
      }
    } catch (IOException | RuntimeException stopped) {
      return root[0]; // where the text ended or broke: what came before it
    }
  }

  private static void attach(Deque<JsonElement> open, JsonElement[] root, String name, JsonElement value) {
    JsonElement parent = open.peek();
    if (parent == null) {
      root[0] = value;
    } else if (parent.isJsonObject()) {
      parent.getAsJsonObject().add(name, value);
    } else {
      parent.getAsJsonArray().add(value);
    }
  }
}
