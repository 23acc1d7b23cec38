package io.github.airbytejava.testkit;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.UUID;

/**
 * The tag DeclarativeSourceDefinitions: a workspace's low-code sources, each a manifest (create, get, list, PUT,
 * delete). A PUT publishes a new version of the manifest (versions count from 1). Sources of the workspace can use the
 * definition's id; the source definition operations do not show it. The manifest needs its {@code spec}, which the
 * server reads on create and PUT.
 */
final class DeclarativeSourceDefinitions implements ResourceGroup {

  private final Workspaces workspaces;
  private final Definitions definitions;

  DeclarativeSourceDefinitions(Workspaces workspaces, Definitions definitions) {
    this.workspaces = workspaces;
    this.definitions = definitions;
  }

  @Override
  public void routes(Routes routes) {
    String collection = "/workspaces/{workspaceId}/definitions/declarative_sources";
    String item = collection + "/{definitionId}";
    routes.get(collection, "listDeclarativeSourceDefinitions", this::list);
    routes.post(collection, "createDeclarativeSourceDefinition", this::create);
    routes.get(item, "getDeclarativeSourceDefinition", call -> Reply.ok(toJson(require(call))));
    routes.put(item, "updateDeclarativeSourceDefinition", this::update);
    routes.delete(item, "deleteDeclarativeSourceDefinition", this::delete);
  }

  private static JsonObject toJson(Definitions.Own made) {
    JsonObject json = new JsonObject();
    json.addProperty("id", made.definition.id());
    json.addProperty("name", made.definition.name());
    json.add("manifest", made.manifest.deepCopy());
    json.addProperty("version", made.version);
    return json;
  }

  private Definitions.Own require(Call call) {
    String workspaceId = workspaces.require(call.path("workspaceId")).id;
    String id = Check.uuid(call.path("definitionId"), "definitionId");
    for (Definitions.Own made : definitions.ownOf(workspaceId, "source", true)) {
      if (made.definition.id().equals(id)) {
        return made;
      }
    }
    throw new Reply.Refusal(Reply.notFound("declarative_source_definition", id));
  }

  private static JsonObject manifest(JsonObject body) {
    JsonObject manifest = Json.objectOrNull(body, "manifest");
    if (manifest == null) {
      throw new Json.BadRequest("'manifest' is required.");
    }
    if (Json.objectOrNull(manifest, "spec") == null) {
      throw new Json.BadRequest("'manifest.spec' is required: the connector's specification.");
    }
    return manifest.deepCopy();
  }

  private Reply create(Call call) {
    String workspaceId = workspaces.require(call.path("workspaceId")).id;
    JsonObject body = call.json();
    String name = Json.requiredString(body, "name");
    Definition definition = new Definition(UUID.randomUUID().toString(), "source", "", name,
        Definitions.DECLARATIVE_IMAGE, "latest", null);
    Definitions.Own made = new Definitions.Own(workspaceId, definition);
    made.manifest = manifest(body);
    made.version = 1;
    definitions.add(made);
    return Reply.ok(toJson(made));
  }

  private Reply update(Call call) {
    Definitions.Own made = require(call);
    made.manifest = manifest(call.json());
    made.version++;
    return Reply.ok(toJson(made));
  }

  private Reply delete(Call call) {
    Definitions.Own made = require(call);
    definitions.remove(made.definition.id());
    return Reply.ok(toJson(made));
  }

  private Reply list(Call call) {
    String workspaceId = workspaces.require(call.path("workspaceId")).id;
    JsonArray data = new JsonArray();
    definitions.ownOf(workspaceId, "source", true).forEach(made -> data.add(toJson(made)));
    return Reply.data(data);
  }
}
