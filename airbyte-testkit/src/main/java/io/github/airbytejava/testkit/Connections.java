package io.github.airbytejava.testkit;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The tag Connections: create, get, list ({@code workspaceIds}, {@code tagIds}), PATCH, delete. As on the server
 * (ConnectionsController and its mappers): what a create leaves out gets the server's default, a cron schedule is
 * checked as Quartz and answered with {@code " UTC"} appended, stream configurations are checked against the
 * source's catalog and completed, and tags are references to the workspace's tags.
 */
final class Connections implements ResourceGroup {

  private static final Set<String> STATUSES = SpecFacts.bundled().enumValues("ConnectionStatusEnum");
  /** {@code ScheduleTypeEnum} of the spec but {@code basic}, which the server only ever answers, never accepts. */
  private static final Set<String> SCHEDULE_TYPES = SpecFacts.bundled().enumValues("ScheduleTypeEnum").stream()
      .filter(type -> !type.equals("basic")).collect(java.util.stream.Collectors.toUnmodifiableSet());
  private static final Set<String> NAMESPACE_DEFINITIONS = SpecFacts.bundled().enumValues("NamespaceDefinitionEnum");
  private static final Set<String> NON_BREAKING =
      SpecFacts.bundled().enumValues("NonBreakingSchemaUpdatesBehaviorEnum");
  /** The time zone the public API gives every cron schedule, and appends to the expression it answers. */
  private static final String CRON_TIME_ZONE = "UTC";

  static final class Connection {
    final String id;
    final String sourceId;
    final String destinationId;
    final String workspaceId;
    final long createdAt;
    String name;
    String status = "active";
    String scheduleType = "manual";
    /** For cron schedules, the expression as sent (a trailing UTC taken off). */
    String cronExpression;
    /** For basic schedules (which only the UI makes), e.g. {@code Every 24 HOURS}. */
    String basicTiming;
    JsonObject configurations;
    String namespaceDefinition = "destination";
    String namespaceFormat;
    String prefix = "";
    String nonBreakingSchemaUpdatesBehavior = "ignore";
    List<Tags.Tag> tags = new ArrayList<>();
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
      JsonObject schedule = Json.object("scheduleType", scheduleType);
      if (scheduleType.equals("cron")) {
        schedule.addProperty("cronExpression", cronExpression + " " + CRON_TIME_ZONE);
      } else if (scheduleType.equals("basic")) {
        schedule.addProperty("basicTiming", basicTiming);
      }
      json.add("schedule", schedule);
      json.addProperty("nonBreakingSchemaUpdatesBehavior", nonBreakingSchemaUpdatesBehavior);
      json.addProperty("namespaceDefinition", namespaceDefinition);
      if (namespaceFormat != null) {
        json.addProperty("namespaceFormat", namespaceFormat);
      }
      json.addProperty("prefix", prefix);
      json.add("configurations", configurations.deepCopy());
      json.addProperty("createdAt", createdAt);
      JsonArray tagArray = new JsonArray();
      tags.forEach(t -> tagArray.add(t.toJson()));
      json.add("tags", tagArray);
      return json;
    }
  }

  private final Context context;
  private final Sources sources;
  private final Destinations destinations;
  private final Streams streams;
  private final Tags tags;
  private final Table<Connection> connections = new Table<>();

  Connections(Context context, Sources sources, Destinations destinations, Streams streams, Tags tags) {
    this.context = context;
    this.sources = sources;
    this.destinations = destinations;
    this.streams = streams;
    this.tags = tags;
    // Deleting a source or destination deletes the connections that use it; deleting a tag takes it off them.
    sources.whenDeleted(source -> deleteUsing(source.id, true));
    destinations.whenDeleted(destination -> deleteUsing(destination.id, false));
    tags.whenDeleted(tag -> connections.all().forEach(c -> c.tags.remove(tag)));
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

  /** Gives a connection a basic schedule, which only Airbyte's UI can make, e.g. {@code Every 24 HOURS}. */
  void basicSchedule(String connectionId, String timing) {
    Connection connection = find(connectionId);
    if (connection == null) {
      throw new IllegalArgumentException("The fake has no connection " + connectionId);
    }
    connection.scheduleType = "basic";
    connection.basicTiming = timing;
    connection.cronExpression = null;
  }

  private void deleteUsing(String actorId, boolean asSource) {
    for (Connection c : connections.all()) {
      if (!c.deleted && (asSource ? c.sourceId : c.destinationId).equals(actorId)) {
        delete(c);
      }
    }
  }

  private void delete(Connection connection) {
    connection.delete();
    connections.deleted(connection.workspaceId, connection);
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
    JsonObject configurations = Json.objectOrNull(body, "configurations");
    if (!StreamSelection.selectsStreams(configurations)) {
      connection.configurations = StreamSelection.everyStream(streams.catalog(source));
    }
    applyFields(connection, body);
    connections.add(connection.id, connection.workspaceId, connection);
    return Reply.ok(connection.toJson());
  }

  /** The fields a create or PATCH sends; everything is checked before anything is changed. */
  private void applyFields(Connection connection, JsonObject body) {
    String name = Json.string(body, "name");
    JsonObject schedule = Json.objectOrNull(body, "schedule");
    String scheduleType = null;
    String cron = null;
    if (schedule != null) {
      scheduleType = Check.oneOf(Json.requiredString(schedule, "scheduleType"), SCHEDULE_TYPES, "scheduleType");
      if (scheduleType.equals("cron")) {
        cron = Json.string(schedule, "cronExpression");
        if (cron == null) {
          throw new Json.BadRequest("Missing cron expression in the schedule.");
        }
        cron = QuartzCron.normalized(cron);
        String problem = QuartzCron.problem(cron);
        if (problem != null) {
          throw new Json.BadRequest(problem);
        }
      }
    }
    JsonObject configurations = Json.objectOrNull(body, "configurations");
    JsonObject selected = StreamSelection.selectsStreams(configurations)
        ? StreamSelection.selected(configurations, streams.catalog(sources.find(connection.sourceId)),
            Streams.DESTINATION_SYNC_MODES)
        : null;
    String namespaceDefinition = optionalOneOf(body, "namespaceDefinition", NAMESPACE_DEFINITIONS);
    String namespaceFormat = Json.string(body, "namespaceFormat");
    String prefix = Json.string(body, "prefix");
    String nonBreaking = optionalOneOf(body, "nonBreakingSchemaUpdatesBehavior", NON_BREAKING);
    String status = optionalOneOf(body, "status", STATUSES);
    JsonArray tagArray = Json.arrayOrNull(body, "tags");
    List<Tags.Tag> newTags = tagArray == null ? null : tags.resolve(tagArray, connection.workspaceId);

    if (name != null) {
      connection.name = name;
    }
    if (scheduleType != null) {
      connection.scheduleType = scheduleType;
      connection.cronExpression = cron;
      connection.basicTiming = null;
    }
    if (selected != null) {
      connection.configurations = selected;
    }
    if (namespaceDefinition != null) {
      connection.namespaceDefinition = namespaceDefinition;
    }
    if (namespaceFormat != null) {
      connection.namespaceFormat = namespaceFormat;
    }
    if (prefix != null) {
      connection.prefix = prefix;
    }
    if (nonBreaking != null) {
      connection.nonBreakingSchemaUpdatesBehavior = nonBreaking;
    }
    if (status != null) {
      connection.status = status;
    }
    if (newTags != null) {
      connection.tags = newTags;
    }
  }

  private static String optionalOneOf(JsonObject body, String key, Set<String> allowed) {
    String value = Json.string(body, key);
    return value == null ? null : Check.oneOf(value, allowed, key);
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
    delete(connection);
    return Reply.noContent();
  }

  private Reply list(Call call) {
    List<Connection> rows = connections.list(call.uuidsQuery("workspaceIds"), call.includeDeleted());
    Set<String> tagIds = call.uuidsQuery("tagIds");
    List<Connection> items = tagIds.isEmpty() ? rows : rows.stream().filter(c -> hasAnyTag(c, tagIds)).toList();
    return Page.of(context, call, items, Connection::toJson);
  }

  /** The server's filter is {@code tag_id IN (...)}: a connection with any of the tags. */
  private static boolean hasAnyTag(Connection connection, Set<String> tagIds) {
    return connection.tags.stream().anyMatch(t -> tagIds.contains(t.id));
  }
}
