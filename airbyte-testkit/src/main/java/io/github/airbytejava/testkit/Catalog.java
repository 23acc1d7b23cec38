package io.github.airbytejava.testkit;

import com.google.gson.JsonObject;
import java.util.List;

/**
 * The connector definitions the fake offers: a few well-known ones, with the definition ids Airbyte's registry gives
 * them (so code that hard-codes those ids works against the fake). The versions are the fake's own.
 */
final class Catalog {

  record Definition(String id, String type, String shortName, String name, String dockerRepository,
      String dockerImageTag) {

    String documentationUrl() {
      return "https://docs.airbyte.com/integrations/" + type + "s/" + shortName;
    }

    /** DefinitionResponse: id, name, dockerRepository, dockerImageTag, documentationUrl. */
    JsonObject toDefinitionResponse() {
      JsonObject json = new JsonObject();
      json.addProperty("id", id);
      json.addProperty("name", name);
      json.addProperty("dockerRepository", dockerRepository);
      json.addProperty("dockerImageTag", dockerImageTag);
      json.addProperty("documentationUrl", documentationUrl());
      return json;
    }

    /** ConnectorDefinitionResponse: id, name, connectorDefinitionType, version. */
    JsonObject toConnectorDefinitionResponse() {
      JsonObject json = new JsonObject();
      json.addProperty("id", id);
      json.addProperty("name", name);
      json.addProperty("connectorDefinitionType", type);
      json.addProperty("version", dockerImageTag);
      return json;
    }
  }

  static final List<Definition> SOURCES = List.of(
      new Definition("dfd88b22-b603-4c3d-aad7-3701784586b1", "source", "faker", "Sample Data (Faker)",
          "airbyte/source-faker", "6.2.18"),
      new Definition("decd338e-5647-4c0b-adf4-da0e75f5a750", "source", "postgres", "Postgres",
          "airbyte/source-postgres", "3.6.30"));

  static final List<Definition> DESTINATIONS = List.of(
      new Definition("a7bcc9d8-13b3-4e49-b80d-d020b90045e3", "destination", "dev-null", "End-to-End Testing (/dev/null)",
          "airbyte/destination-dev-null", "0.7.18"),
      new Definition("25c5221d-dce2-4163-ade9-739ef790f503", "destination", "postgres", "Postgres",
          "airbyte/destination-postgres", "2.4.6"),
      new Definition("94bd199c-2ff0-4aa2-b98e-17f0acb72610", "destination", "duckdb", "DuckDB",
          "airbyte/destination-duckdb", "0.4.26"));

  private Catalog() {
  }

  static List<Definition> of(String type) {
    return type.equals("source") ? SOURCES : DESTINATIONS;
  }

  /** By definition id, or by the short name a configuration gives as {@code sourceType}/{@code destinationType}. */
  static Definition find(String type, String idOrShortName) {
    for (Definition d : of(type)) {
      if (d.id().equalsIgnoreCase(idOrShortName) || d.shortName().equals(idOrShortName)) {
        return d;
      }
    }
    return null;
  }
}
