package io.github.airbytejava.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.fge.jsonschema.core.exceptions.ProcessingException;
import com.github.fge.jsonschema.core.report.LogLevel;
import com.github.fge.jsonschema.core.report.ProcessingMessage;
import com.github.fge.jsonschema.core.report.ProcessingReport;
import com.github.fge.jsonschema.main.JsonSchema;
import com.github.fge.jsonschema.main.JsonSchemaFactory;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fake's connector knowledge from the connector facts file ({@code airbyte-connector-facts}): every connector of
 * Airbyte's published specifications with its registry definition id; a create naming only a {@code sourceType} the
 * server's name table lacks gets 400 {@code value-not-found}, as from the real server; configurations are checked
 * against the connector's JSON Schema with an implementation of its own (java-json-tools, the validator the
 * conformance check already brings, so the fake shares no code, and no bugs, with {@code airbyte-connectors}; its
 * ES5 regular expressions cannot read a lookbehind, so the fake skips the one pattern that has one, GitHub's
 * {@code repositories});
 * reads mask every field the schema marks {@code airbyte_secret}; and a mask sent back is stored as the new secret,
 * as the real server does. Definitions the facts lack (a workspace's custom ones) keep the built-in behaviour.
 */
final class FactsCatalog implements Connectors {
  static final String RESOURCE = "/io/github/airbytejava/connectors/facts/connector-facts.json";

  /** The facts, read once per JVM on first use: the file is about 1 MB. */
  private static final class Facts {
    static final Facts INSTANCE = load();

    final Map<String, List<Definition>> definitions = new HashMap<>();
    final Map<String, Definition> byId = new HashMap<>();
    final Map<String, Definition> byName = new HashMap<>();
    final Map<String, JsonObject> schemas = new HashMap<>();

    private static Facts load() {
      try (InputStream in = FactsCatalog.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          return null;
        }
        JsonObject facts = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
        Facts result = new Facts();
        for (JsonElement element : facts.getAsJsonArray("connectors")) {
          result.add(element.getAsJsonObject());
        }
        result.definitions.replaceAll((type, list) -> Collections.unmodifiableList(list));
        return result;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void add(JsonObject connector) {
      JsonElement id = connector.get("definitionId");
      if (id == null || id.isJsonNull()) {
        return;
      }
      String type = connector.get("actorType").getAsString();
      String slug = connector.get("slug").getAsString();
      boolean named = connector.get("inServerNameMap").getAsBoolean();
      Definition builtIn = CATALOG.byId(type, id.getAsString());
      String name = connector.get("name").isJsonNull() ? slug : connector.get("name").getAsString();
      // The server answers sourceType "" for connectors missing from its name table (SourceReadMapper).
      Definition definition = new Definition(id.getAsString(), type, named ? slug : "",
          builtIn != null ? builtIn.name() : name,
          connector.get("dockerRepository").isJsonNull() ? "airbyte/" + type + "-" + slug
              : connector.get("dockerRepository").getAsString(),
          builtIn != null ? builtIn.dockerImageTag() : "latest",
          "https://docs.airbyte.com/integrations/" + type + "s/" + slug);
      definitions.computeIfAbsent(type, t -> new ArrayList<>()).add(definition);
      byId.put(type + "/" + definition.id(), definition);
      if (named) {
        byName.put(type + "/" + slug, definition);
      }
      schemas.put(type + "/" + definition.id(), connector.getAsJsonObject("schema"));
    }
  }

  private static final Catalog CATALOG = new Catalog();
  private static final ObjectMapper JACKSON = new ObjectMapper();
  private static final Map<String, JsonSchema> VALIDATORS = new ConcurrentHashMap<>();

  private FactsCatalog() {
  }

  /** The facts file's connectors, or the built-in {@link Catalog} when the facts are not on the class path. */
  static Connectors orBuiltIn() {
    return Facts.INSTANCE == null ? CATALOG : new FactsCatalog();
  }

  @Override
  public List<Definition> definitions(String actorType) {
    return Facts.INSTANCE.definitions.getOrDefault(actorType, List.of());
  }

  @Override
  public Definition byId(String actorType, String definitionId) {
    return Facts.INSTANCE.byId.get(actorType + "/" + definitionId);
  }

  @Override
  public Definition byName(String actorType, String shortName) {
    return Facts.INSTANCE.byName.get(actorType + "/" + shortName);
  }

  private static JsonObject schema(String actorType, Definition definition) {
    return Facts.INSTANCE.schemas.get(actorType + "/" + definition.id());
  }

  /**
   * A 400 {@code bad-request} problem listing each schema error as {@code $.path: what}, the way Airbyte's
   * validation words it, without quoting values (they may be secrets).
   */
  @Override
  public Reply validate(String actorType, Definition definition, JsonObject configuration) {
    JsonObject schema = schema(actorType, definition);
    if (schema == null) {
      return null;
    }
    JsonObject instance = configuration.deepCopy();
    instance.remove(actorType + "Type"); // the server strips it before storing
    List<String> errors = new ArrayList<>();
    try {
      JsonSchema validator = VALIDATORS.computeIfAbsent(actorType + "/" + definition.id(),
          key -> compile(draft4(schema)));
      ProcessingReport report = validator.validate(JACKSON.readTree(instance.toString()), true);
      for (ProcessingMessage message : report) {
        if (message.getLogLevel() == LogLevel.ERROR || message.getLogLevel() == LogLevel.FATAL) {
          errors.addAll(describe(message.asJson()));
        }
      }
    } catch (ProcessingException | IOException e) {
      errors.add("$: cannot be checked (" + e.getClass().getSimpleName() + ")");
    }
    if (errors.isEmpty()) {
      return null;
    }
    String detail = "The provided configuration does not fulfill the specification. Errors: json schema validation"
        + " failed when comparing the data to the json schema. \nErrors: " + String.join(", ", errors);
    return Reply.badRequest(detail);
  }

  /**
   * The validator of one schema. A pattern the validator's ECMA 262 engine (Rhino, ES5) cannot read, such as a
   * lookbehind, is left out rather than failing the whole schema; the report says where.
   */
  private static JsonSchema compile(JsonObject schema) {
    try {
      JsonSchemaFactory factory = JsonSchemaFactory.byDefault();
      JsonNode node = JACKSON.readTree(schema.toString());
      for (ProcessingMessage message : factory.getSyntaxValidator().validateSchema(node)) {
        JsonNode m = message.asJson();
        if (message.getLogLevel() == LogLevel.ERROR && "pattern".equals(m.path("keyword").asText())) {
          JsonNode at = node.at(m.path("schema").path("pointer").asText());
          if (at instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
            object.remove("pattern");
          }
        }
      }
      return factory.getJsonSchema(node);
    } catch (ProcessingException | IOException e) {
      throw new IllegalStateException("a connector schema of the facts does not compile: " + e.getMessage(), e);
    }
  }

  /** One report message as {@code $.a.b: ...} lines; oneOf failures are reported with their variants' reasons. */
  private static List<String> describe(JsonNode message) {
    String pointer = message.path("instance").path("pointer").asText("");
    String path = "$" + pointer.replace('/', '.');
    String keyword = message.path("keyword").asText("");
    List<String> lines = new ArrayList<>();
    switch (keyword) {
      case "required" -> message.path("missing").forEach(m ->
          lines.add((path.equals("$") ? "$." : path + ".") + m.asText() + ": is missing but it is required"));
      case "additionalProperties" -> message.path("unwanted").forEach(u ->
          lines.add((path.equals("$") ? "$." : path + ".") + u.asText() + ": is not defined in the schema and the"
              + " schema does not allow additional properties"));
      case "type" -> lines.add(path + ": " + message.path("found").asText() + " found, "
          + message.path("expected").toString() + " expected");
      case "enum" -> lines.add(path + ": does not have a value in the enumeration " + message.path("enum"));
      case "oneOf" -> lines.add(path + ": should be valid to one and only one of the schemas ("
          + message.path("matched").asInt() + " matched)");
      default -> lines.add(path + ": does not match the schema's " + keyword);
    }
    return lines;
  }

  /**
   * The facts' schema (JSON Schema draft 7) in the draft 4 this validator reads: a numeric
   * {@code exclusiveMinimum}/{@code exclusiveMaximum} becomes a bound with the draft 4 flag, {@code const} an
   * {@code enum} of one; {@code format} is left out, as Airbyte's draft 7 validation does not assert it.
   */
  static JsonObject draft4(JsonObject schema) {
    JsonObject out = new JsonObject();
    for (Map.Entry<String, JsonElement> e : schema.entrySet()) {
      String key = e.getKey();
      JsonElement value = e.getValue();
      switch (key) {
        case "properties" -> {
          JsonObject properties = new JsonObject();
          value.getAsJsonObject().entrySet().forEach(p -> properties.add(p.getKey(), draft4(p.getValue().getAsJsonObject())));
          out.add(key, properties);
        }
        case "oneOf" -> {
          JsonArray variants = new JsonArray();
          value.getAsJsonArray().forEach(v -> variants.add(draft4(v.getAsJsonObject())));
          out.add(key, variants);
        }
        case "items", "additionalProperties" -> out.add(key, value.isJsonObject() ? draft4(value.getAsJsonObject()) : value);
        case "format", "exclusiveMinimum", "exclusiveMaximum", "const", "airbyte_secret", "order" -> {
        }
        default -> out.add(key, value.deepCopy());
      }
    }
    exclusive(schema, out, "exclusiveMinimum", "minimum", true);
    exclusive(schema, out, "exclusiveMaximum", "maximum", false);
    if (schema.has("const") && !schema.has("enum")) {
      JsonArray one = new JsonArray();
      one.add(schema.get("const"));
      out.add("enum", one);
    }
    return out;
  }

  private static void exclusive(JsonObject schema, JsonObject out, String exclusive, String bound, boolean lower) {
    if (!schema.has(exclusive)) {
      return;
    }
    java.math.BigDecimal limit = schema.get(exclusive).getAsBigDecimal();
    if (schema.has(bound)) {
      java.math.BigDecimal inclusive = schema.get(bound).getAsBigDecimal();
      // x >= inclusive already excludes the limit when inclusive is beyond it.
      if (lower ? inclusive.compareTo(limit) > 0 : inclusive.compareTo(limit) < 0) {
        return;
      }
    }
    out.add(bound, new JsonPrimitive(limit));
    out.addProperty(exclusive, true);
  }

  /** Reads mask each field the schema marks secret (at any variant), and leave out the connector's type name. */
  @Override
  public JsonElement answered(String actorType, Definition definition, JsonObject stored) {
    JsonObject schema = schema(actorType, definition);
    if (schema == null) {
      return CATALOG.answered(actorType, definition, stored);
    }
    JsonObject copy = stored.deepCopy();
    copy.remove(actorType + "Type");
    return masked(copy, schema);
  }

  private static JsonElement masked(JsonElement value, JsonObject schema) {
    if (schema == null) {
      // Not in the schema (OAuth credentials the server added, a field newer than the facts): by key name.
      return Json.masked(value);
    }
    if (value.isJsonObject()) {
      JsonObject copy = new JsonObject();
      for (Map.Entry<String, JsonElement> e : value.getAsJsonObject().entrySet()) {
        JsonObject property = property(schema, e.getKey());
        boolean secret = property != null && property.has("airbyte_secret")
            && property.get("airbyte_secret").getAsBoolean() && !e.getValue().isJsonNull();
        copy.add(e.getKey(), secret ? new JsonPrimitive(Json.MASK) : masked(e.getValue(), property));
      }
      return copy;
    }
    if (value.isJsonArray() && schema.has("items") && schema.get("items").isJsonObject()) {
      JsonArray copy = new JsonArray();
      value.getAsJsonArray().forEach(item -> copy.add(masked(item, schema.getAsJsonObject("items"))));
      return copy;
    }
    return value.deepCopy();
  }

  /** The schema of a key: the object's own property, else a secret one of any variant, else any variant's. */
  private static JsonObject property(JsonObject schema, String key) {
    if (schema.has("properties") && schema.getAsJsonObject("properties").has(key)) {
      return schema.getAsJsonObject("properties").getAsJsonObject(key);
    }
    JsonObject found = null;
    if (schema.has("oneOf")) {
      for (JsonElement variant : schema.getAsJsonArray("oneOf")) {
        JsonObject p = property(variant.getAsJsonObject(), key);
        if (p != null && (found == null || p.has("airbyte_secret"))) {
          found = p;
        }
      }
    }
    return found;
  }

  /** Objects merge key by key, anything else replaces: a mask sent becomes the stored secret, as on the server. */
  @Override
  public JsonObject patched(String actorType, Definition definition, JsonObject stored, JsonObject patch) {
    if (schema(actorType, definition) == null) {
      return CATALOG.patched(actorType, definition, stored, patch);
    }
    JsonObject result = stored.deepCopy();
    for (Map.Entry<String, JsonElement> e : patch.entrySet()) {
      JsonElement old = result.get(e.getKey());
      if (old != null && old.isJsonObject() && e.getValue().isJsonObject()) {
        result.add(e.getKey(), patched(actorType, definition, old.getAsJsonObject(), e.getValue().getAsJsonObject()));
      } else {
        result.add(e.getKey(), e.getValue().deepCopy());
      }
    }
    return result;
  }

  /** The replacement as sent, masks included. */
  @Override
  public JsonObject replaced(String actorType, Definition definition, JsonObject stored, JsonObject replacement) {
    if (schema(actorType, definition) == null) {
      return CATALOG.replaced(actorType, definition, stored, replacement);
    }
    return replacement.deepCopy();
  }

  /** For tests of the fake: the schemas it checks against, by actor type and definition id. */
  static Map<String, JsonObject> schemas() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(Facts.INSTANCE.schemas));
  }
}
