package io.github.airbytejava.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Data on stdout in the format asked for: {@code table} on a terminal by default, JSON when piped, or YAML, names or
 * ids, after an optional JMESPath {@code --query}. Colour only on a terminal and never with {@code NO_COLOR}.
 */
final class Output {
  enum Format { table, json, yaml, name, id }

  private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls()
      .create();
  private static final int MAX_CELL = 60;

  private final PrintWriter out;
  private final Format format;
  private final String query;
  private final boolean colour;

  Output(PrintWriter out, Format explicit, String query, boolean terminal, boolean colour) {
    this.out = out;
    this.query = query;
    this.format = explicit != null ? explicit : (terminal && query == null ? Format.table : Format.json);
    this.colour = colour;
  }

  Format format() {
    return format;
  }

  /** Prints {@code data}; {@code resource} (may be null) names the id, name and table columns of its items. */
  void print(JsonElement data, Resource resource) {
    JsonElement shown = query == null ? data : Query.search(query, data);
    switch (format) {
      case json -> out.println(PRETTY.toJson(shown));
      case yaml -> out.print(Yaml.dump(toJava(shown)));
      case name, id -> printField(shown, resource, format == Format.name);
      case table -> printTable(shown, resource);
    }
    out.flush();
  }

  private void printField(JsonElement data, Resource resource, boolean name) {
    String field = resource == null ? null : name ? resource.nameField() : resource.idField();
    if (field == null) {
      throw CliException.usage("-o " + format + " is not available here; use -o json or -o table");
    }
    for (JsonElement item : items(data)) {
      JsonElement value = item.isJsonObject() ? item.getAsJsonObject().get(field) : item;
      out.println(value == null || value.isJsonNull() ? "" : text(value));
    }
  }

  private static List<JsonElement> items(JsonElement data) {
    List<JsonElement> items = new ArrayList<>();
    if (data.isJsonArray()) data.getAsJsonArray().forEach(items::add);
    else items.add(data);
    return items;
  }

  private void printTable(JsonElement data, Resource resource) {
    if (data.isJsonObject() && !data.isJsonArray()) {
      List<String[]> rows = new ArrayList<>();
      for (Map.Entry<String, JsonElement> e : data.getAsJsonObject().entrySet()) {
        rows.add(new String[] {e.getKey(), cell(e.getValue())});
      }
      render(new String[] {"FIELD", "VALUE"}, rows);
      return;
    }
    if (!data.isJsonArray()) {
      out.println(text(data));
      return;
    }
    List<String> columns = resource != null ? resource.columns() : autoColumns(data.getAsJsonArray());
    List<String[]> rows = new ArrayList<>();
    for (JsonElement item : data.getAsJsonArray()) {
      String[] row = new String[columns.size()];
      for (int i = 0; i < row.length; i++) {
        row[i] = item.isJsonObject() ? cell(item.getAsJsonObject().get(columns.get(i))) : i == 0 ? cell(item) : "";
      }
      rows.add(row);
    }
    if (columns.isEmpty()) columns = List.of("VALUE");
    render(columns.stream().map(Output::header).toArray(String[]::new), rows);
  }

  private static List<String> autoColumns(JsonArray items) {
    List<String> columns = new ArrayList<>();
    for (JsonElement item : items) {
      if (!item.isJsonObject()) continue;
      for (Map.Entry<String, JsonElement> e : item.getAsJsonObject().entrySet()) {
        if (columns.size() < 6 && e.getValue().isJsonPrimitive() && !columns.contains(e.getKey())) columns.add(e.getKey());
      }
      break;
    }
    return columns;
  }

  private static String header(String column) {
    return column.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
  }

  private void render(String[] headers, List<String[]> rows) {
    int[] widths = new int[headers.length];
    for (int i = 0; i < headers.length; i++) widths[i] = headers[i].length();
    for (String[] row : rows) {
      for (int i = 0; i < row.length && i < widths.length; i++) widths[i] = Math.max(widths[i], row[i].length());
    }
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < headers.length; i++) line.append(pad(headers[i], widths[i], i == headers.length - 1));
    out.println(colour ? "\u001b[1m" + line.toString().stripTrailing() + "\u001b[0m" : line.toString().stripTrailing());
    for (String[] row : rows) {
      line.setLength(0);
      for (int i = 0; i < headers.length; i++) line.append(pad(i < row.length ? row[i] : "", widths[i], i == headers.length - 1));
      out.println(line.toString().stripTrailing());
    }
  }

  private static String pad(String text, int width, boolean last) {
    return last ? text : text + " ".repeat(width - text.length() + 2);
  }

  private static String cell(JsonElement value) {
    if (value == null || value.isJsonNull()) return "";
    String text = value.isJsonPrimitive() ? value.getAsString() : value.toString();
    text = text.replace('\n', ' ');
    return text.length() > MAX_CELL ? text.substring(0, MAX_CELL - 1) + "…" : text;
  }

  static String text(JsonElement value) {
    return value.isJsonPrimitive() ? value.getAsString() : value.toString();
  }

  /** Gson's tree as maps, lists, strings, numbers (exact), booleans and nulls, for YAML. */
  static Object toJava(JsonElement element) {
    if (element == null || element instanceof JsonNull) return null;
    if (element.isJsonObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      element.getAsJsonObject().entrySet().forEach(e -> map.put(e.getKey(), toJava(e.getValue())));
      return map;
    }
    if (element.isJsonArray()) {
      List<Object> list = new ArrayList<>();
      element.getAsJsonArray().forEach(e -> list.add(toJava(e)));
      return list;
    }
    JsonPrimitive p = element.getAsJsonPrimitive();
    if (p.isBoolean()) return p.getAsBoolean();
    if (p.isNumber()) {
      BigDecimal n = p.getAsBigDecimal();
      try {
        return n.longValueExact();
      } catch (ArithmeticException notWhole) {
        return n;
      }
    }
    return p.getAsString();
  }

  /** Maps, lists and scalars (from YAML or JSON files) as Gson's tree; numbers exact. */
  static JsonElement toJson(Object value) {
    if (value == null) return JsonNull.INSTANCE;
    if (value instanceof Map<?, ?> map) {
      JsonObject object = new JsonObject();
      map.forEach((k, v) -> object.add(String.valueOf(k), toJson(v)));
      return object;
    }
    if (value instanceof List<?> list) {
      JsonArray array = new JsonArray();
      list.forEach(v -> array.add(toJson(v)));
      return array;
    }
    if (value instanceof Boolean b) return new JsonPrimitive(b);
    if (value instanceof Number n) return new JsonPrimitive(n);
    return new JsonPrimitive(String.valueOf(value));
  }
}
