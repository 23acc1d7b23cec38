package io.github.airbytejava.testkit;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * What the fake knows about connectors: which definitions exist, which configurations are acceptable, and how a
 * stored configuration is answered and updated. The handlers of sources, destinations and definitions ask only this,
 * so richer connector knowledge (every connector of a facts file, validation by schema, masking by schema) plugs in
 * here without touching them. {@link Catalog} is the built-in one.
 */
interface Connectors {

  /** The definitions of this actor type ({@code source} or {@code destination}) every workspace sees. */
  List<Definition> definitions(String actorType);

  /** By definition id (canonical UUID text), or null. */
  Definition byId(String actorType, String definitionId);

  /**
   * By the name a create gives as {@code configuration.sourceType}/{@code destinationType} when it has no
   * {@code definitionId}; null when the server would not know the name.
   */
  Definition byName(String actorType, String shortName);

  /** The problem to answer instead of storing this configuration (create, PUT, or the result of a PATCH), or null. */
  Reply validate(String actorType, Definition definition, JsonObject configuration);

  /** A stored configuration as reads answer it (secrets masked). */
  JsonElement answered(String actorType, Definition definition, JsonObject stored);

  /** The configuration to store after a PATCH of {@code stored} with {@code patch}. */
  JsonObject patched(String actorType, Definition definition, JsonObject stored, JsonObject patch);

  /** The configuration to store after a PUT of {@code replacement} over {@code stored}. */
  JsonObject replaced(String actorType, Definition definition, JsonObject stored, JsonObject replacement);
}
