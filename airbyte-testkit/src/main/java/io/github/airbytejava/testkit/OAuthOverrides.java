package io.github.airbytejava.testkit;

import com.google.gson.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OAuth client credentials that a workspace or an organization uses instead of Airbyte's own for one connector
 * ({@code PUT .../oauthCredentials}, {@code DELETE .../oauthCredentials/{actorType}/{name}}). The connector is named
 * as in a configuration's {@code sourceType}; a name the server cannot resolve is a 400 {@code value-not-found}.
 */
final class OAuthOverrides {

  private static final Set<String> ACTOR_TYPES = SpecFacts.bundled().enumValues("ActorTypeEnum");

  private final Connectors connectors;
  private final Map<List<String>, JsonObject> overrides = new HashMap<>();

  OAuthOverrides(Connectors connectors) {
    this.connectors = connectors;
  }

  void reset() {
    overrides.clear();
  }

  /** {@code PUT}: stores the override; 200 without a body. */
  Reply put(String scopeId, Call call) {
    JsonObject body = call.json();
    String actorType = Check.oneOf(Json.requiredString(body, "actorType"), ACTOR_TYPES, "actorType");
    String name = Json.requiredString(body, "name");
    JsonObject configuration = Json.objectOrNull(body, "configuration");
    if (configuration == null) {
      return Reply.badRequest("'configuration' is required.");
    }
    Reply unknown = unknownConnector(actorType, name);
    if (unknown != null) {
      return unknown;
    }
    overrides.put(List.of(scopeId, actorType, name), configuration.deepCopy());
    return new Reply(200, null, "", Map.of());
  }

  /** {@code DELETE}: removes the override if there is one; 204 either way. */
  Reply delete(String scopeId, Call call) {
    String actorType = Check.oneOf(call.path("actorType"), ACTOR_TYPES, "actorType");
    String name = call.path("name");
    Reply unknown = unknownConnector(actorType, name);
    if (unknown != null) {
      return unknown;
    }
    overrides.remove(List.of(scopeId, actorType, name));
    return Reply.noContent();
  }

  private Reply unknownConnector(String actorType, String name) {
    if (connectors.byName(actorType, name) != null) {
      return null;
    }
    return Reply.valueNotFound("No " + actorType + " connector is named '" + name + "'.", name);
  }
}
