package io.github.airbytejava.testkit;

import com.google.gson.JsonObject;

/**
 * A connector definition the fake offers.
 *
 * @param actorType {@code source} or {@code destination}
 * @param shortName the name a configuration gives as {@code sourceType}/{@code destinationType}, e.g. {@code faker};
 *     {@code ""} for a workspace's own definitions, which the server's name table does not know
 * @param documentationUrl may be null
 */
record Definition(String id, String actorType, String shortName, String name, String dockerRepository,
    String dockerImageTag, String documentationUrl) {

  /** DefinitionResponse: id, name, dockerRepository, dockerImageTag, documentationUrl. */
  JsonObject toDefinitionResponse() {
    JsonObject json = new JsonObject();
    json.addProperty("id", id);
    json.addProperty("name", name);
    json.addProperty("dockerRepository", dockerRepository);
    json.addProperty("dockerImageTag", dockerImageTag);
    if (documentationUrl != null) {
      json.addProperty("documentationUrl", documentationUrl);
    }
    return json;
  }

  /** ConnectorDefinitionResponse: id, name, connectorDefinitionType, version. */
  JsonObject toConnectorDefinitionResponse() {
    JsonObject json = new JsonObject();
    json.addProperty("id", id);
    json.addProperty("name", name);
    json.addProperty("connectorDefinitionType", actorType);
    json.addProperty("version", dockerImageTag);
    return json;
  }
}
