package io.github.airbytejava.connectortools;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads and writes the facts file. Written for diffs: objects that describe one property without nested properties
 * fit on one line ({@code "port": {"type": "integer", "default": 5432, "minimum": 0}}), everything else is indented,
 * keys keep the order {@link Derive} gives them, and the file ends with a newline.
 */
public final class FactsFile {
  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();
  private static final int LINE = 110;

  private FactsFile() {
  }

  public static JsonObject read(Path file) throws IOException {
    return JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
  }

  public static void write(JsonObject facts, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, format(facts), StandardCharsets.UTF_8);
  }

  public static String format(JsonElement facts) {
    StringBuilder out = new StringBuilder();
    write(facts, 0, out);
    return out.append('\n').toString();
  }

  private static void write(JsonElement element, int indent, StringBuilder out) {
    String inline = inline(element);
    if (inline != null && (indent + inline.length() <= LINE || element.isJsonPrimitive() || element.isJsonNull())) {
      out.append(inline);
      return;
    }
    if (element.isJsonArray()) {
      JsonArray array = element.getAsJsonArray();
      out.append('[');
      for (int i = 0; i < array.size(); i++) {
        newline(indent + 1, out);
        write(array.get(i), indent + 1, out);
        if (i < array.size() - 1) {
          out.append(',');
        }
      }
      newline(indent, out);
      out.append(']');
      return;
    }
    JsonObject object = element.getAsJsonObject();
    out.append('{');
    int i = 0;
    for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
      newline(indent + 1, out);
      out.append(GSON.toJson(entry.getKey())).append(": ");
      write(entry.getValue(), indent + 1, out);
      if (++i < object.size()) {
        out.append(',');
      }
    }
    newline(indent, out);
    out.append('}');
  }

  /** The one-line form, or null for objects that hold properties, variants or connectors (always indented). */
  private static String inline(JsonElement element) {
    if (element.isJsonPrimitive() || element.isJsonNull()) {
      return GSON.toJson(element);
    }
    StringBuilder out = new StringBuilder();
    if (element.isJsonArray()) {
      out.append('[');
      JsonArray array = element.getAsJsonArray();
      for (int i = 0; i < array.size(); i++) {
        String item = inline(array.get(i));
        if (item == null) {
          return null;
        }
        out.append(i == 0 ? "" : ", ").append(item);
      }
      return out.append(']').toString();
    }
    JsonObject object = element.getAsJsonObject();
    if (object.has("properties") || object.has("oneOf") || object.has("schema") || object.has("connectors")) {
      return null;
    }
    out.append('{');
    int i = 0;
    for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
      String value = inline(entry.getValue());
      if (value == null) {
        return null;
      }
      out.append(i++ == 0 ? "" : ", ").append(GSON.toJson(entry.getKey())).append(": ").append(value);
    }
    return out.append('}').toString();
  }

  private static void newline(int indent, StringBuilder out) {
    out.append('\n');
    out.append("  ".repeat(indent));
  }
}
