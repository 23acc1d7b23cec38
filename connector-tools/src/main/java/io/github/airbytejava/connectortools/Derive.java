package io.github.airbytejava.connectortools;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Derives the connector facts from Airbyte's {@code api_sdk.yaml} (one JSON Schema per connector, {@code source-*}
 * and {@code destination-*}) and a registry TSV (slug to definition id, name, Docker repository, server name map).
 *
 * <p>Only structure is kept: the JSON Schema keywords a validator or a code generator needs, plus Airbyte's
 * {@code airbyte_secret} and {@code order}. Descriptions, titles, examples and UI hints are dropped (the project
 * must not copy Airbyte's texts), and so are misspelt keywords ({@code min}, {@code max}, {@code mininum},
 * {@code maxitems}): JSON Schema ignores them, and so does Airbyte's server. The {@code sourceType} or
 * {@code destinationType} property is dropped too: it is the connector's name, which the server strips from stored
 * configurations, so it is kept as the connector's {@code slug} instead.
 */
public final class Derive {

  /** The schema keywords kept, in the order they are written (so each file is written the same way). */
  static final List<String> KEYWORDS = List.of("type", "const", "enum", "default", "format", "pattern", "minimum",
      "exclusiveMinimum", "maximum", "exclusiveMaximum", "minLength", "maxLength", "minItems", "maxItems",
      "uniqueItems", "airbyte_secret", "order", "additionalProperties", "required", "items", "properties", "oneOf");

  private static final Set<String> SCHEMA_VALUED = Set.of("items", "additionalProperties");

  /**
   * Keywords that hold fields of their own: dropped like the others, they would lose those fields and whether they
   * are secret (no connector of Airbyte's api_sdk.yaml uses them as of 2026-12).
   */
  private static final List<String> STRUCTURAL = List.of("$ref", "anyOf", "allOf");

  private Derive() {
  }

  /** The facts document: {@code format}, {@code derivedFrom} and {@code connectors}, sorted by type and slug. */
  public static JsonObject derive(Path apiSdkYaml, Path registryTsv) throws IOException {
    Map<String, Object> document = readYaml(apiSdkYaml);
    Map<String, Map<String, String>> registry = readRegistry(registryTsv);
    Map<String, Object> schemas = map(map(document.get("components"), "components").get("schemas"), "schemas");

    TreeMap<String, JsonObject> connectors = new TreeMap<>();
    for (Map.Entry<String, Object> entry : schemas.entrySet()) {
      String name = entry.getKey();
      String actorType = name.startsWith("source-") ? "source" : name.startsWith("destination-") ? "destination" : null;
      if (actorType == null || name.endsWith("-update")) {
        continue;
      }
      Map<String, Object> schema = map(entry.getValue(), name);
      Map<String, Object> properties = map(schema.getOrDefault("properties", Map.of()), name + ".properties");
      Object typeProperty = properties.get(actorType + "Type");
      if (!(typeProperty instanceof Map<?, ?> typeSchema) || !(typeSchema.get("const") instanceof String slug)) {
        throw new IllegalArgumentException(name + " has no " + actorType + "Type const: not a connector schema");
      }
      Map<String, String> row = registry.get(actorType + "\t" + slug);
      JsonObject connector = new JsonObject();
      connector.addProperty("actorType", actorType);
      connector.addProperty("slug", slug);
      connector.addProperty("definitionId", row == null ? null : blankToNull(row.get("definition_id")));
      connector.addProperty("name", row == null ? null : blankToNull(row.get("name")));
      connector.addProperty("dockerRepository", row == null ? null : blankToNull(row.get("docker_repository")));
      connector.addProperty("inServerNameMap", row != null && "yes".equals(row.get("in_server_name_map")));
      connector.add("schema", connectorSchema(schema, actorType + "Type", name));
      if (connectors.put(actorType + "\t" + slug, connector) != null) {
        throw new IllegalArgumentException("two schemas name the " + actorType + " " + slug);
      }
    }

    JsonObject derivedFrom = new JsonObject();
    derivedFrom.addProperty("api_sdk.yaml", sha256(apiSdkYaml));
    derivedFrom.addProperty("registry.tsv", sha256(registryTsv));
    JsonObject facts = new JsonObject();
    facts.addProperty("format", 1);
    facts.add("derivedFrom", derivedFrom);
    JsonArray list = new JsonArray();
    connectors.values().forEach(list::add);
    facts.add("connectors", list);
    return facts;
  }

  private static JsonObject connectorSchema(Map<String, Object> schema, String typeProperty, String where) {
    JsonObject result = schema(schema, where);
    JsonObject properties = result.getAsJsonObject("properties");
    if (properties != null) {
      properties.remove(typeProperty);
    }
    JsonArray required = result.getAsJsonArray("required");
    if (required != null) {
      required.remove(new JsonPrimitive(typeProperty));
      if (required.isEmpty()) {
        result.remove("required");
      }
    }
    return result;
  }

  /** One schema node with only the kept keywords, in {@link #KEYWORDS} order. */
  static JsonObject schema(Map<String, Object> node, String where) {
    for (String keyword : STRUCTURAL) {
      if (node.containsKey(keyword)) {
        throw new IllegalArgumentException(where + " uses " + keyword + ", which the facts cannot hold: its fields"
            + " (and which of them are secret) would be lost");
      }
    }
    JsonObject result = new JsonObject();
    for (String keyword : KEYWORDS) {
      if (!node.containsKey(keyword)) {
        continue;
      }
      Object value = node.get(keyword);
      String here = where + "." + keyword;
      switch (keyword) {
        case "properties" -> {
          JsonObject properties = new JsonObject();
          map(value, here).forEach((name, property) -> properties.add(name, schema(map(property, here), here + "." + name)));
          result.add(keyword, properties);
        }
        case "oneOf" -> {
          JsonArray variants = new JsonArray();
          int i = 0;
          for (Object variant : list(value, here)) {
            variants.add(schema(map(variant, here), here + "[" + i++ + "]"));
          }
          result.add(keyword, variants);
        }
        default -> {
          if (SCHEMA_VALUED.contains(keyword) && value instanceof Map<?, ?>) {
            result.add(keyword, schema(map(value, here), here));
          } else {
            result.add(keyword, json(value, here));
          }
        }
      }
    }
    return result;
  }

  static JsonElement json(Object value, String where) {
    if (value == null) {
      return JsonNull.INSTANCE;
    }
    if (value instanceof String s) {
      return new JsonPrimitive(s);
    }
    if (value instanceof Boolean b) {
      return new JsonPrimitive(b);
    }
    if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
      return new JsonPrimitive(new BigDecimal(value.toString()));
    }
    if (value instanceof Double || value instanceof Float) {
      return new JsonPrimitive(BigDecimal.valueOf(((Number) value).doubleValue()));
    }
    if (value instanceof List<?> items) {
      JsonArray array = new JsonArray();
      items.forEach(item -> array.add(json(item, where)));
      return array;
    }
    if (value instanceof Map<?, ?> entries) {
      JsonObject object = new JsonObject();
      entries.forEach((k, v) -> object.add(String.valueOf(k), json(v, where)));
      return object;
    }
    throw new IllegalArgumentException(where + ": a YAML " + value.getClass().getSimpleName() + " is not JSON");
  }

  static Map<String, Object> readYaml(Path file) throws IOException {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(64 * 1024 * 1024); // api_sdk.yaml is 3.3 MB; SnakeYAML stops at 3 MB by default
    options.setMaxAliasesForCollections(1000);
    Yaml yaml = new Yaml(new SafeConstructor(options));
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return map(yaml.load(reader), file.toString());
    }
  }

  /** Rows keyed by {@code type + "\t" + slug}, each a map from the header's column names. */
  static Map<String, Map<String, String>> readRegistry(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      throw new IllegalArgumentException(file + " is empty");
    }
    String[] header = lines.get(0).split("\t", -1);
    List<String> columns = List.of(header);
    for (String needed : List.of("type", "slug", "definition_id", "name", "docker_repository", "in_server_name_map")) {
      if (!columns.contains(needed)) {
        throw new IllegalArgumentException(file + " has no column " + needed);
      }
    }
    Map<String, Map<String, String>> rows = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split("\t", -1);
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < header.length && i < cells.length; i++) {
        row.put(header[i], cells[i]);
      }
      rows.put(row.get("type") + "\t" + row.get("slug"), row);
    }
    return rows;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value, String where) {
    if (!(value instanceof Map<?, ?>)) {
      throw new IllegalArgumentException(where + " is not a mapping");
    }
    return (Map<String, Object>) value;
  }

  static List<Object> list(Object value, String where) {
    if (!(value instanceof List<?> items)) {
      throw new IllegalArgumentException(where + " is not a list");
    }
    return new ArrayList<>(items);
  }

  private static String sha256(Path file) throws IOException {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
      return "sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
