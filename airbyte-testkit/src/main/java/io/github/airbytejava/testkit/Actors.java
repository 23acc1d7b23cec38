package io.github.airbytejava.testkit;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * What {@link Sources} and {@link Destinations} share: the two have the same shape and operations (create by
 * {@code definitionId} or {@code configuration.sourceType}/{@code destinationType}, get, list, PATCH with the
 * configuration merged, PUT, delete), and the same treatment of configurations by {@link Connectors}.
 */
abstract class Actors implements ResourceGroup {

  /** A source or a destination. */
  final class Actor {
    final String id;
    final Definition definition;
    final long createdAt;
    String name;
    String workspaceId;
    JsonObject configuration;
    JsonObject resourceAllocation;
    boolean deleted;

    Actor(String id, Definition definition, long createdAt) {
      this.id = id;
      this.definition = definition;
      this.createdAt = createdAt;
    }

    JsonObject toJson() {
      JsonObject json = new JsonObject();
      json.addProperty(type + "Id", id);
      json.addProperty("name", name);
      json.addProperty(type + "Type", definition.shortName());
      json.addProperty("definitionId", definition.id());
      json.addProperty("workspaceId", workspaceId);
      json.add("configuration", connectors.answered(type, definition, configuration));
      json.addProperty("createdAt", createdAt);
      if (resourceAllocation != null) {
        json.add("resourceAllocation", resourceAllocation.deepCopy());
      }
      return json;
    }
  }

  /** {@code source} or {@code destination}. */
  final String type;
  final Context context;
  final Connectors connectors;
  private final Workspaces workspaces;
  private final Definitions definitions;
  private final Table<Actor> actors = new Table<>();
  private Consumer<Actor> onDelete = actor -> { };

  Actors(String type, Context context, Connectors connectors, Workspaces workspaces, Definitions definitions) {
    this.type = type;
    this.context = context;
    this.connectors = connectors;
    this.workspaces = workspaces;
    this.definitions = definitions;
  }

  /** Adds the six operations both have, under {@code /sources} or {@code /destinations}. */
  void crudRoutes(Routes routes, String capitalized) {
    String collection = "/" + type + "s";
    String item = collection + "/{" + type + "Id}";
    routes.get(collection, "list" + capitalized + "s", this::list);
    routes.post(collection, "create" + capitalized, this::create);
    routes.get(item, "get" + capitalized, this::get);
    routes.patch(item, "patch" + capitalized, this::patch);
    routes.put(item, "put" + capitalized, this::put);
    routes.delete(item, "delete" + capitalized, this::delete);
  }

  @Override
  public void reset() {
    actors.clear();
  }

  /** Called for each source or destination deleted, e.g. to delete the connections that use it. */
  void whenDeleted(Consumer<Actor> onDelete) {
    this.onDelete = onDelete;
  }

  /** The source or destination with this id, unless deleted; null when there is none. */
  Actor find(String id) {
    Actor actor = actors.get(Check.uuid(id, type + "Id"));
    return actor == null || actor.deleted ? null : actor;
  }

  private Reply create(Call call) {
    JsonObject body = call.json();
    String name = Json.requiredString(body, "name");
    String workspaceId = Json.requiredString(body, "workspaceId");
    JsonObject configuration = Json.objectOrNull(body, "configuration");
    if (configuration == null) {
      return Reply.badRequest("'configuration' is required.");
    }
    if (workspaces.find(workspaceId) == null) {
      return Reply.notFound("workspace", workspaceId);
    }
    String definitionId = Json.string(body, "definitionId");
    Definition definition;
    if (definitionId != null) {
      definition = definitions.find(type, workspaceId, definitionId);
      if (definition == null) {
        return Reply.notFound(type + "_definition", definitionId);
      }
    } else {
      String shortName = Json.string(configuration, type + "Type");
      if (shortName == null) {
        return Reply.badRequest("One of configuration." + type + "Type or definitionId must be provided.");
      }
      definition = connectors.byName(type, shortName);
      if (definition == null) {
        // As SourcesController: a name its hand-written table lacks is an UnknownValueProblem.
        return Reply.valueNotFound("The value you provided was not found: " + type + "Type '" + shortName
            + "' is not a name the server maps to a definition; send definitionId.", shortName);
      }
    }
    JsonObject stored = configurationToCreate(body, Check.uuid(workspaceId, "workspaceId"), definition,
        configuration);
    Reply invalid = connectors.validate(type, definition, stored);
    if (invalid != null) {
      return invalid;
    }
    Actor actor = new Actor(UUID.randomUUID().toString(), definition, context.now().getEpochSecond());
    actor.name = name;
    actor.workspaceId = Check.uuid(workspaceId, "workspaceId");
    actor.configuration = stored.deepCopy();
    actor.resourceAllocation = Json.objectOrNull(body, "resourceAllocation");
    actors.add(actor.id, actor.workspaceId, actor);
    return Reply.ok(actor.toJson());
  }

  /** The configuration a create stores: the one sent, unless a kind of actor adds to it. */
  JsonObject configurationToCreate(JsonObject body, String workspaceId, Definition definition,
      JsonObject configuration) {
    return configuration;
  }

  private Reply get(Call call) {
    String id = call.path(type + "Id");
    Actor actor = find(id);
    return actor == null ? Reply.notFound(type, id) : Reply.ok(actor.toJson());
  }

  private Reply patch(Call call) {
    String id = call.path(type + "Id");
    Actor actor = find(id);
    if (actor == null) {
      return Reply.notFound(type, id);
    }
    JsonObject body = call.json();
    String name = Json.string(body, "name");
    // Only a source's PATCH can move it to another workspace.
    String workspaceId = type.equals("source") ? Json.string(body, "workspaceId") : null;
    JsonObject configuration = Json.objectOrNull(body, "configuration");
    JsonObject resourceAllocation = Json.objectOrNull(body, "resourceAllocation");
    if (workspaceId != null && workspaces.find(workspaceId) == null) {
      return Reply.notFound("workspace", workspaceId);
    }
    JsonObject newConfiguration = configuration == null ? null
        : connectors.patched(type, actor.definition, actor.configuration, configuration);
    if (newConfiguration != null) {
      Reply invalid = connectors.validate(type, actor.definition, newConfiguration);
      if (invalid != null) {
        return invalid;
      }
    }
    if (name != null) {
      actor.name = name;
    }
    if (workspaceId != null && !Check.uuid(workspaceId, "workspaceId").equals(actor.workspaceId)) {
      String from = actor.workspaceId;
      actor.workspaceId = Check.uuid(workspaceId, "workspaceId");
      actors.moved(from, actor.workspaceId, actor);
    }
    if (newConfiguration != null) {
      actor.configuration = newConfiguration;
    }
    if (resourceAllocation != null) {
      actor.resourceAllocation = resourceAllocation;
    }
    return Reply.ok(actor.toJson());
  }

  private Reply put(Call call) {
    String id = call.path(type + "Id");
    Actor actor = find(id);
    if (actor == null) {
      return Reply.notFound(type, id);
    }
    JsonObject body = call.json();
    String name = Json.requiredString(body, "name");
    JsonObject configuration = Json.objectOrNull(body, "configuration");
    if (configuration == null) {
      return Reply.badRequest("'configuration' is required.");
    }
    JsonObject newConfiguration = connectors.replaced(type, actor.definition, actor.configuration, configuration);
    Reply invalid = connectors.validate(type, actor.definition, newConfiguration);
    if (invalid != null) {
      return invalid;
    }
    actor.name = name;
    actor.configuration = newConfiguration;
    actor.resourceAllocation = Json.objectOrNull(body, "resourceAllocation");
    return Reply.ok(actor.toJson());
  }

  private Reply delete(Call call) {
    String id = call.path(type + "Id");
    Actor actor = find(id);
    if (actor == null) {
      return Reply.notFound(type, id);
    }
    actor.deleted = true;
    actors.deleted(actor.workspaceId, actor);
    onDelete.accept(actor);
    return Reply.noContent();
  }

  private Reply list(Call call) {
    List<Actor> items = actors.list(call.uuidsQuery("workspaceIds"), call.includeDeleted());
    return Page.of(context, call, items, Actor::toJson);
  }
}
