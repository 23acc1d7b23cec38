package io.github.airbytejava.testkit;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The tags ConnectorDefinitions, SourceDefinitions and DestinationDefinitions: the connector definitions a workspace
 * can use, which are those of {@link Connectors} and the workspace's own. A workspace adds custom definitions (a
 * docker image: create, PUT, delete, as on a self-managed server) here and declarative ones (a manifest) through
 * {@link DeclarativeSourceDefinitions}; the source definition operations do not show declarative ones, as on the
 * server. Airbyte's own definitions cannot be changed or deleted through a workspace (403).
 */
final class Definitions implements ResourceGroup {

  /** The image every declarative source runs, by which the server tells declarative definitions apart. */
  static final String DECLARATIVE_IMAGE = "airbyte/source-declarative-manifest";

  /** A definition a workspace made. */
  static final class Own {
    final String workspaceId;
    Definition definition;
    /** For declarative definitions: the manifest and its version, from 1. */
    JsonObject manifest;
    long version;

    Own(String workspaceId, Definition definition) {
      this.workspaceId = workspaceId;
      this.definition = definition;
    }

    boolean declarative() {
      return DECLARATIVE_IMAGE.equals(definition.dockerRepository());
    }
  }

  private final Connectors connectors;
  private final Workspaces workspaces;
  private final Map<String, Own> own = new LinkedHashMap<>();

  Definitions(Connectors connectors, Workspaces workspaces) {
    this.connectors = connectors;
    this.workspaces = workspaces;
  }

  @Override
  public void routes(Routes routes) {
    routes.get("/connector_definitions", "listConnectorDefinitions", this::listConnectorDefinitions);
    for (String type : List.of("source", "destination")) {
      String capitalized = type.equals("source") ? "Source" : "Destination";
      String collection = "/workspaces/{workspaceId}/definitions/" + type + "s";
      String item = collection + "/{definitionId}";
      routes.get(collection, "list" + capitalized + "Definitions", call -> list(call, type));
      routes.post(collection, "create" + capitalized + "Definition", call -> create(call, type));
      routes.get(item, "get" + capitalized + "Definition",
          call -> Reply.ok(visible(call, type).toDefinitionResponse()));
      routes.put(item, "update" + capitalized + "Definition", call -> update(call, type));
      routes.delete(item, "delete" + capitalized + "Definition", call -> delete(call, type));
    }
  }

  @Override
  public void reset() {
    own.clear();
  }

  /** A definition a source or destination of this workspace may name by id (declarative ones included), or null. */
  Definition find(String actorType, String workspaceId, String definitionId) {
    String id = Check.uuid(definitionId, "definitionId");
    Definition builtIn = connectors.byId(actorType, id);
    if (builtIn != null) {
      return builtIn;
    }
    Own made = own.get(id);
    return made != null && made.definition.actorType().equals(actorType)
        && made.workspaceId.equals(Check.uuid(workspaceId, "workspaceId")) ? made.definition : null;
  }

  void add(Own made) {
    own.put(made.definition.id(), made);
  }

  Own remove(String id) {
    return own.remove(id);
  }

  /** The workspace's own definitions of this type, declarative or not. */
  List<Own> ownOf(String workspaceId, String actorType, boolean declarative) {
    List<Own> out = new ArrayList<>();
    for (Own made : own.values()) {
      if (made.workspaceId.equals(workspaceId) && made.definition.actorType().equals(actorType)
          && made.declarative() == declarative) {
        out.add(made);
      }
    }
    return out;
  }

  /** What the definition operations of a workspace see: Airbyte's and the workspace's own, not declarative ones. */
  private List<Definition> visible(String workspaceId, String actorType) {
    List<Definition> out = new ArrayList<>(connectors.definitions(actorType));
    ownOf(workspaceId, actorType, false).forEach(made -> out.add(made.definition));
    return out;
  }

  private Definition visible(Call call, String actorType) {
    String workspaceId = workspaces.require(call.path("workspaceId")).id;
    String id = Check.uuid(call.path("definitionId"), "definitionId");
    for (Definition d : visible(workspaceId, actorType)) {
      if (d.id().equals(id)) {
        return d;
      }
    }
    throw new Reply.Refusal(Reply.notFound(actorType + "_definition", id));
  }

  /** The workspace's own (non-declarative) definition to change; Airbyte's own are not the workspace's to change. */
  private Own changeable(Call call, String actorType) {
    Definition definition = visible(call, actorType);
    Own made = own.get(definition.id());
    if (made == null) {
      String message = definition.name() + " is one of Airbyte's definitions; a workspace changes only its own.";
      throw new Reply.Refusal(Reply.problem(403, "forbidden", message, Json.object("message", message)));
    }
    return made;
  }

  private Reply list(Call call, String actorType) {
    String workspaceId = workspaces.require(call.path("workspaceId")).id;
    return data(visible(workspaceId, actorType), Definition::toDefinitionResponse);
  }

  private Reply create(Call call, String actorType) {
    String workspaceId = workspaces.require(call.path("workspaceId")).id;
    JsonObject body = call.json();
    Definition definition = new Definition(UUID.randomUUID().toString(), actorType, "",
        Json.requiredString(body, "name"), Json.requiredString(body, "dockerRepository"),
        Json.requiredString(body, "dockerImageTag"), Json.string(body, "documentationUrl"));
    add(new Own(workspaceId, definition));
    return Reply.ok(definition.toDefinitionResponse());
  }

  private Reply update(Call call, String actorType) {
    Own made = changeable(call, actorType);
    JsonObject body = call.json();
    Definition d = made.definition;
    made.definition = new Definition(d.id(), d.actorType(), d.shortName(), Json.requiredString(body, "name"),
        d.dockerRepository(), Json.requiredString(body, "dockerImageTag"), d.documentationUrl());
    return Reply.ok(made.definition.toDefinitionResponse());
  }

  private Reply delete(Call call, String actorType) {
    Own made = changeable(call, actorType);
    own.remove(made.definition.id());
    return Reply.ok(made.definition.toDefinitionResponse());
  }

  private Reply listConnectorDefinitions(Call call) {
    String type = call.query("type");
    if (type == null || !(type.equals("source") || type.equals("destination"))) {
      return Reply.badRequest("'type' is required: source or destination.");
    }
    String workspaceId = call.query("workspaceId");
    List<Definition> definitions = workspaceId == null ? connectors.definitions(type)
        : visible(workspaces.require(workspaceId).id, type);
    return data(definitions, Definition::toConnectorDefinitionResponse);
  }

  private static Reply data(List<Definition> definitions, Function<Definition, JsonObject> toJson) {
    JsonArray data = new JsonArray();
    definitions.forEach(d -> data.add(toJson.apply(d)));
    return Reply.data(data);
  }
}
