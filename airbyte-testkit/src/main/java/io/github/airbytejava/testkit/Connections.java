package io.github.airbytejava.testkit;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The tag Connections: create, get, list ({@code workspaceIds}, {@code tagIds}), PATCH, delete. */
final class Connections implements ResourceGroup {

  private static final Set<String> STATUSES = Set.of("active", "inactive", "deprecated", "locked");
  private static final Set<String> SCHEDULE_TYPES = Set.of("manual", "cron");
  private static final Set<String> NAMESPACE_DEFINITIONS = Set.of("source", "destination", "custom_format");
  private static final Set<String> NON_BREAKING =
      Set.of("ignore", "disable_connection", "propagate_columns", "propagate_fully");

  static final class Connection {
    final String id;
    final String sourceId;
    final String destinationId;
    final String workspaceId;
    final long createdAt;
    String name;
    String status = "active";
    JsonObject schedule = Json.object("scheduleType", "manual");
    JsonObject configurations = Json.object(Map.of("streams", List.of()));
    String namespaceDefinition = "destination";
    String namespaceFormat;
    String prefix = "";
    String nonBreakingSchemaUpdatesBehavior = "ignore";
    JsonArray tags = new JsonArray();
    boolean deleted;

    Connection(String id, String sourceId, String destinationId, String workspaceId, long createdAt) {
      this.id = id;
      this.sourceId = sourceId;
      this.destinationId = destinationId;
      this.workspaceId = workspaceId;
      this.createdAt = createdAt;
    }

    /** Deleted connections stay listable with includeDeleted, in status deprecated, as on the real server. */
    void delete() {
      deleted = true;
      status = "deprecated";
    }

    JsonObject toJson() {
      JsonObject json = new JsonObject();
      json.addProperty("connectionId", id);
      json.addProperty("name", name);
      json.addProperty("sourceId", sourceId);
      json.addProperty("destinationId", destinationId);
      json.addProperty("workspaceId", workspaceId);
      json.addProperty("status", status);
      json.add("schedule", schedule.deepCopy());
      json.addProperty("nonBreakingSchemaUpdatesBehavior", nonBreakingSchemaUpdatesBehavior);
      json.addProperty("namespaceDefinition", namespaceDefinition);
      if (namespaceFormat != null) {
        json.addProperty("namespaceFormat", namespaceFormat);
      }
      json.addProperty("prefix", prefix);
      json.add("configurations", configurations.deepCopy());
      json.addProperty("createdAt", createdAt);
      json.add("tags", tags.deepCopy());
      return json;
    }
  }

  private final Context context;
  private final Sources sources;
  private final Destinations destinations;
  private final Map<String, Connection> connections = new LinkedHashMap<>();

  Connections(Context context, Sources sources, Destinations destinations) {
    this.context = context;
    this.sources = sources;
    this.destinations = destinations;
    // Deleting a source or destination deletes the connections that use it.
    sources.whenDeleted(source -> deleteUsing(source.id, true));
    destinations.whenDeleted(destination -> deleteUsing(destination.id, false));
  }

  @Override
  public void routes(Routes routes) {
    routes.get("/connections", "listConnections", this::list);
    routes.post("/connections", "createConnection", this::create);
    routes.get("/connections/{connectionId}", "getConnection", this::get);
    routes.patch("/connections/{connectionId}", "patchConnection", this::patch);
    routes.delete("/connections/{connectionId}", "deleteConnection", this::delete);
  }

  @Override
  public void reset() {
    connections.clear();
  }

  /** The connection with this id, unless deleted; null when there is none. */
  Connection find(String id) {
    Connection connection = connections.get(Check.uuid(id, "connectionId"));
    return connection == null || connection.deleted ? null : connection;
  }

  private void deleteUsing(String actorId, boolean asSource) {
    for (Connection c : connections.values()) {
      if (!c.deleted && (asSource ? c.sourceId : c.destinationId).equals(actorId)) {
        c.delete();
      }
    }
  }

  private Reply create(Call call) {
    JsonObject body = call.json();
    String sourceId = Json.requiredString(body, "sourceId");
    String destinationId = Json.requiredString(body, "destinationId");
    Actors.Actor source = sources.find(sourceId);
    if (source == null) {
      return Reply.notFound("source", sourceId);
    }
    Actors.Actor destination = destinations.find(destinationId);
    if (destination == null) {
      return Reply.notFound("destination", destinationId);
    }
    if (!source.workspaceId.equals(destination.workspaceId)) {
      return Reply.badRequest("The source and the destination must be in the same workspace.");
    }
    Connection connection = new Connection(UUID.randomUUID().toString(), source.id, destination.id,
        source.workspaceId, context.now().getEpochSecond());
    connection.name = source.name + " → " + destination.name;
    applyFields(connection, body);
    connections.put(connection.id, connection);
    return Reply.ok(connection.toJson());
  }

  private static void applyFields(Connection connection, JsonObject body) {
    String name = Json.string(body, "name");
    if (name != null) {
      connection.name = name;
    }
    JsonObject schedule = Json.objectOrNull(body, "schedule");
    if (schedule != null) {
      String scheduleType = Check.oneOf(Json.requiredString(schedule, "scheduleType"), SCHEDULE_TYPES, "scheduleType");
      String cron = Json.string(schedule, "cronExpression");
      if (scheduleType.equals("cron") && cron == null) {
        throw new Json.BadRequest("'cronExpression' is required with scheduleType cron.");
      }
      JsonObject stored = Json.object("scheduleType", scheduleType);
      if (scheduleType.equals("cron")) {
        stored.addProperty("cronExpression", cron);
      }
      connection.schedule = stored;
    }
    JsonObject configurations = Json.objectOrNull(body, "configurations");
    if (configurations != null) {
      connection.configurations = configurations.deepCopy();
    }
    String namespaceDefinition = Json.string(body, "namespaceDefinition");
    if (namespaceDefinition != null) {
      connection.namespaceDefinition = Check.oneOf(namespaceDefinition, NAMESPACE_DEFINITIONS, "namespaceDefinition");
    }
    String namespaceFormat = Json.string(body, "namespaceFormat");
    if (namespaceFormat != null) {
      connection.namespaceFormat = namespaceFormat;
    }
    String prefix = Json.string(body, "prefix");
    if (prefix != null) {
      connection.prefix = prefix;
    }
    String nonBreaking = Json.string(body, "nonBreakingSchemaUpdatesBehavior");
    if (nonBreaking != null) {
      connection.nonBreakingSchemaUpdatesBehavior =
          Check.oneOf(nonBreaking, NON_BREAKING, "nonBreakingSchemaUpdatesBehavior");
    }
    String status = Json.string(body, "status");
    if (status != null) {
      connection.status = Check.oneOf(status, STATUSES, "status");
    }
    JsonArray tags = Json.arrayOrNull(body, "tags");
    if (tags != null) {
      connection.tags = tags.deepCopy();
    }
  }

  private Reply get(Call call) {
    Connection connection = find(call.path("connectionId"));
    return connection == null ? Reply.notFound("connection", call.path("connectionId"))
        : Reply.ok(connection.toJson());
  }

  private Reply patch(Call call) {
    Connection connection = find(call.path("connectionId"));
    if (connection == null) {
      return Reply.notFound("connection", call.path("connectionId"));
    }
    applyFields(connection, call.json());
    return Reply.ok(connection.toJson());
  }

  private Reply delete(Call call) {
    Connection connection = find(call.path("connectionId"));
    if (connection == null) {
      return Reply.notFound("connection", call.path("connectionId"));
    }
    connection.delete();
    return Reply.noContent();
  }

  private Reply list(Call call) {
    Set<String> ids = call.uuidsQuery("workspaceIds");
    Set<String> tagIds = call.uuidsQuery("tagIds");
    boolean withDeleted = call.includeDeleted();
    List<Connection> items = new ArrayList<>();
    for (Connection c : connections.values()) {
      if ((ids.isEmpty() || ids.contains(c.workspaceId)) && (withDeleted || !c.deleted) && hasTags(c, tagIds)) {
        items.add(c);
      }
    }
    return Page.of(context, call, items, Connection::toJson);
  }

  private static boolean hasTags(Connection connection, Set<String> tagIds) {
    if (tagIds.isEmpty()) {
      return true;
    }
    Set<String> have = new HashSet<>();
    for (JsonElement tag : connection.tags) {
      if (tag.isJsonObject() && tag.getAsJsonObject().has("tagId")) {
        have.add(tag.getAsJsonObject().get("tagId").getAsString().toLowerCase(Locale.ROOT));
      }
    }
    return have.containsAll(tagIds);
  }
}
