package io.github.airbytejava.testkit;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * The fake's built-in connector knowledge: a few well-known definitions, with the ids Airbyte's registry gives them
 * (so code that hard-codes those ids works against the fake; the versions are the fake's own), any configuration
 * accepted, and secrets told by their key names.
 */
final class Catalog implements Connectors {

  static final List<Definition> SOURCES = List.of(
      definition("dfd88b22-b603-4c3d-aad7-3701784586b1", "source", "faker", "Sample Data (Faker)", "6.2.18"),
      definition("decd338e-5647-4c0b-adf4-da0e75f5a750", "source", "postgres", "Postgres", "3.6.30"));

  static final List<Definition> DESTINATIONS = List.of(
      definition("a7bcc9d8-13b3-4e49-b80d-d020b90045e3", "destination", "dev-null",
          "End-to-End Testing (/dev/null)", "0.7.18"),
      definition("25c5221d-dce2-4163-ade9-739ef790f503", "destination", "postgres", "Postgres", "2.4.6"),
      definition("94bd199c-2ff0-4aa2-b98e-17f0acb72610", "destination", "duckdb", "DuckDB", "0.4.26"));

  private static Definition definition(String id, String type, String shortName, String name, String version) {
    return new Definition(id, type, shortName, name, "airbyte/" + type + "-" + shortName, version,
        "https://docs.airbyte.com/integrations/" + type + "s/" + shortName);
  }

  @Override
  public List<Definition> definitions(String actorType) {
    return actorType.equals("source") ? SOURCES : DESTINATIONS;
  }

  @Override
  public Definition byId(String actorType, String definitionId) {
    for (Definition d : definitions(actorType)) {
      if (d.id().equals(definitionId)) {
        return d;
      }
    }
    return null;
  }

  @Override
  public Definition byName(String actorType, String shortName) {
    for (Definition d : definitions(actorType)) {
      if (d.shortName().equals(shortName)) {
        return d;
      }
    }
    return null;
  }

  @Override
  public Reply validate(String actorType, Definition definition, JsonObject configuration) {
    return null;
  }

  @Override
  public JsonElement answered(String actorType, Definition definition, JsonObject stored) {
    return Json.masked(stored);
  }

  /** Objects merge key by key; a masked secret sent back unchanged keeps the stored value. */
  @Override
  public JsonObject patched(String actorType, Definition definition, JsonObject stored, JsonObject patch) {
    return Json.merged(stored, patch);
  }

  /** {@code replacement}, except that masked secrets sent back unchanged keep their stored values. */
  @Override
  public JsonObject replaced(String actorType, Definition definition, JsonObject stored, JsonObject replacement) {
    return keepMaskedSecrets(stored, replacement);
  }

  private static JsonObject keepMaskedSecrets(JsonObject stored, JsonObject replacement) {
    JsonObject result = new JsonObject();
    for (Map.Entry<String, JsonElement> e : replacement.entrySet()) {
      JsonElement old = stored.get(e.getKey());
      JsonElement value = e.getValue();
      if (old != null && value.isJsonPrimitive() && Json.MASK.equals(value.getAsString())) {
        result.add(e.getKey(), old.deepCopy());
      } else if (old != null && old.isJsonObject() && value.isJsonObject()) {
        result.add(e.getKey(), keepMaskedSecrets(old.getAsJsonObject(), value.getAsJsonObject()));
      } else {
        result.add(e.getKey(), value.deepCopy());
      }
    }
    return result;
  }
}
