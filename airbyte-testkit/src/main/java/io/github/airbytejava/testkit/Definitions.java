package io.github.airbytejava.testkit;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.function.Function;

/**
 * The tags ConnectorDefinitions, SourceDefinitions and DestinationDefinitions: the connector definitions a workspace
 * can use, from {@link Connectors}.
 */
final class Definitions implements ResourceGroup {

  private final Connectors connectors;
  private final Workspaces workspaces;

  Definitions(Connectors connectors, Workspaces workspaces) {
    this.connectors = connectors;
    this.workspaces = workspaces;
  }

  @Override
  public void routes(Routes routes) {
    routes.get("/connector_definitions", "listConnectorDefinitions", this::listConnectorDefinitions);
    routes.get("/workspaces/{workspaceId}/definitions/sources", "listSourceDefinitions", call -> list(call, "source"));
    routes.get("/workspaces/{workspaceId}/definitions/destinations", "listDestinationDefinitions",
        call -> list(call, "destination"));
  }

  /** A definition a source or destination of this workspace may name by id, or null. */
  Definition find(String actorType, String workspaceId, String definitionId) {
    return connectors.byId(actorType, Check.uuid(definitionId, "definitionId"));
  }

  private Reply list(Call call, String actorType) {
    String workspaceId = call.path("workspaceId");
    if (workspaces.find(workspaceId) == null) {
      return Reply.notFound("workspace", workspaceId);
    }
    return Reply.ok(data(actorType, Definition::toDefinitionResponse));
  }

  private Reply listConnectorDefinitions(Call call) {
    String type = call.query("type");
    if (type == null || !(type.equals("source") || type.equals("destination"))) {
      return Reply.badRequest("'type' is required: source or destination.");
    }
    String workspaceId = call.query("workspaceId");
    if (workspaceId != null && workspaces.find(workspaceId) == null) {
      return Reply.notFound("workspace", workspaceId);
    }
    return Reply.ok(data(type, Definition::toConnectorDefinitionResponse));
  }

  private JsonObject data(String actorType, Function<Definition, JsonObject> toJson) {
    JsonArray data = new JsonArray();
    connectors.definitions(actorType).forEach(d -> data.add(toJson.apply(d)));
    JsonObject response = new JsonObject();
    response.add("data", data);
    return response;
  }
}
