package io.github.airbytejava.testkit;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import okhttp3.HttpUrl;

/**
 * The fake's Airbyte: its state and one handler per operation. Every method runs under the instance lock; requests
 * are short, and one lock keeps jobs, connections and tokens consistent with each other.
 */
final class Api {

  record Settings(String clientId, String clientSecret, Duration tokenLifetime, Duration jobDuration, long jobRows,
      Clock clock) {
  }

  /** A request as the handlers see it: {@code apiPath} is the path after the base path, e.g. {@code /jobs/12}. */
  record Call(String method, String apiPath, HttpUrl url, String authorization, String contentType, String body) {
  }

  static final Set<String> JOB_STATUSES =
      Set.of("pending", "queued", "running", "incomplete", "failed", "succeeded", "cancelled");
  private static final Set<String> TERMINAL = Set.of("incomplete", "failed", "succeeded", "cancelled");
  private static final Set<String> JOB_TYPES = Set.of("sync", "reset", "refresh", "clear");
  private static final Set<String> CONNECTION_STATUSES = Set.of("active", "inactive", "deprecated", "locked");
  private static final Set<String> SCHEDULE_TYPES = Set.of("manual", "cron");
  private static final Set<String> NAMESPACE_DEFINITIONS = Set.of("source", "destination", "custom_format");
  private static final Set<String> NON_BREAKING =
      Set.of("ignore", "disable_connection", "propagate_columns", "propagate_fully");
  /** First path segments of the API's operations, for telling "not implemented by the fake" from "no such path". */
  private static final Set<String> API_ROOTS = Set.of("applications", "jobs", "regions", "dataplanes",
      "connector_definitions", "workspaces", "sources", "destinations", "oauth", "connections", "streams",
      "permissions", "organizations", "users", "groups", "tags", "embedded");
  private static final long BYTES_PER_ROW = 100;

  private final Settings settings;
  private final SecureRandom random = new SecureRandom();
  private final String defaultWorkspaceId = UUID.randomUUID().toString();
  private volatile String baseUrl = "http://127.0.0.1/v1";

  private final Map<String, Instant> tokens = new HashMap<>();
  private final Map<String, Workspace> workspaces = new LinkedHashMap<>();
  private final Map<String, Actor> sources = new LinkedHashMap<>();
  private final Map<String, Actor> destinations = new LinkedHashMap<>();
  private final Map<String, Connection> connections = new LinkedHashMap<>();
  private final Map<Long, Job> jobs = new LinkedHashMap<>();
  private final Deque<String> jobOutcomes = new ArrayDeque<>();
  private long nextJobId;

  Api(Settings settings) {
    this.settings = settings;
    reset();
  }

  void baseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  String defaultWorkspaceId() {
    return defaultWorkspaceId;
  }

  /** Back to the starting state: the default workspace and nothing else. Issued tokens stay valid. */
  synchronized void reset() {
    workspaces.clear();
    sources.clear();
    destinations.clear();
    connections.clear();
    jobs.clear();
    jobOutcomes.clear();
    nextJobId = 1;
    Workspace workspace = new Workspace(defaultWorkspaceId, "Default Workspace", defaultNotifications());
    workspaces.put(workspace.id, workspace);
  }

  synchronized void expireTokens() {
    Instant now = now();
    tokens.replaceAll((token, expiry) -> expiry.isAfter(now) ? now : expiry);
  }

  synchronized void nextJobEndsAs(String status) {
    if (!TERMINAL.contains(status)) {
      throw new IllegalArgumentException("Not a terminal job status: " + status + " (one of " + TERMINAL + ")");
    }
    jobOutcomes.add(status);
  }

  synchronized Reply handle(Call call) {
    try {
      return route(call);
    } catch (Json.BadRequest e) {
      return Reply.badRequest(e.getMessage());
    }
  }

  // ---------------------------------------------------------------------------------------------------- routing

  private Reply route(Call call) {
    String m = call.method();
    List<String> seg = segments(call.apiPath());
    if (seg.isEmpty() && m.equals("GET")) {
      return new Reply(200, "text/html",
          "<!doctype html><title>Fake Airbyte</title><p>A fake Airbyte API for tests; see https://reference.airbyte.com",
          Map.of());
    }
    if (seg.equals(List.of("health")) && m.equals("GET")) {
      return new Reply(200, null, "", Map.of());
    }
    if (seg.equals(List.of("applications", "token")) && m.equals("POST")) {
      return token(call);
    }
    Reply denied = authenticate(call);
    if (denied != null) {
      return denied;
    }
    int n = seg.size();
    String root = n == 0 ? "" : seg.get(0);
    switch (root) {
      case "workspaces" -> {
        if (n == 1) {
          return switch (m) {
            case "GET" -> listWorkspaces(call);
            case "POST" -> createWorkspace(call);
            default -> methodNotAllowed(call);
          };
        }
        if (n == 2) {
          return switch (m) {
            case "GET" -> getWorkspace(seg.get(1));
            case "PATCH" -> updateWorkspace(seg.get(1), call);
            case "DELETE" -> deleteWorkspace(seg.get(1));
            default -> methodNotAllowed(call);
          };
        }
        if (n == 4 && seg.get(2).equals("definitions") && m.equals("GET")
            && (seg.get(3).equals("sources") || seg.get(3).equals("destinations"))) {
          return listDefinitions(seg.get(1), seg.get(3).equals("sources") ? "source" : "destination");
        }
      }
      case "sources", "destinations" -> {
        String type = root.equals("sources") ? "source" : "destination";
        if (n == 1) {
          return switch (m) {
            case "GET" -> listActors(type, call);
            case "POST" -> createActor(type, call);
            default -> methodNotAllowed(call);
          };
        }
        if (n == 2 && !seg.get(1).equals("initiateOAuth")) {
          return switch (m) {
            case "GET" -> getActor(type, seg.get(1));
            case "PATCH" -> patchActor(type, seg.get(1), call);
            case "PUT" -> putActor(type, seg.get(1), call);
            case "DELETE" -> deleteActor(type, seg.get(1));
            default -> methodNotAllowed(call);
          };
        }
      }
      case "connections" -> {
        if (n == 1) {
          return switch (m) {
            case "GET" -> listConnections(call);
            case "POST" -> createConnection(call);
            default -> methodNotAllowed(call);
          };
        }
        if (n == 2) {
          return switch (m) {
            case "GET" -> getConnection(seg.get(1));
            case "PATCH" -> patchConnection(seg.get(1), call);
            case "DELETE" -> deleteConnection(seg.get(1));
            default -> methodNotAllowed(call);
          };
        }
      }
      case "jobs" -> {
        if (n == 1) {
          return switch (m) {
            case "GET" -> listJobs(call);
            case "POST" -> createJob(call);
            default -> methodNotAllowed(call);
          };
        }
        if (n == 2) {
          return switch (m) {
            case "GET" -> getJob(seg.get(1));
            case "DELETE" -> cancelJob(seg.get(1));
            default -> methodNotAllowed(call);
          };
        }
      }
      case "connector_definitions" -> {
        if (n == 1 && m.equals("GET")) {
          return listConnectorDefinitions(call);
        }
      }
      default -> {
        // falls through to the answers below
      }
    }
    if (API_ROOTS.contains(root)) {
      return Reply.problem(501, "not-implemented",
          "The fake Airbyte does not implement " + m + " " + call.apiPath() + ".", null);
    }
    return Reply.problem(404, "resource-not-found", "No operation at " + m + " " + call.apiPath() + ".", null);
  }

  private static Reply methodNotAllowed(Call call) {
    return Reply.problem(405, "method-not-allowed",
        "Method " + call.method() + " is not allowed on " + call.apiPath() + ".", null);
  }

  private static List<String> segments(String apiPath) {
    List<String> out = new ArrayList<>();
    for (String s : apiPath.split("/")) {
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  private Instant now() {
    return settings.clock().instant();
  }

  // ------------------------------------------------------------------------------------------------ tokens

  private Reply token(Call call) {
    String contentType = call.contentType() == null ? "" : call.contentType().toLowerCase(Locale.ROOT);
    if (contentType.startsWith("application/x-www-form-urlencoded")) {
      // Self-managed servers read the body as JSON whatever the spec allows, and fail on form bodies.
      return Reply.badRequest("Unrecognized token 'grant_type': the token request must be a JSON object "
          + "{\"client_id\", \"client_secret\", \"grant-type\": \"client_credentials\"}.");
    }
    JsonObject body = Json.parseObject(call.body());
    String clientId = Json.string(body, "client_id");
    String clientSecret = Json.string(body, "client_secret");
    if (clientId == null || clientSecret == null) {
      return Reply.badRequest("'client_id' and 'client_secret' are required.");
    }
    String grant = Json.string(body, "grant-type");
    if (grant != null && !grant.equals("client_credentials")) {
      return Reply.badRequest("'grant-type' must be client_credentials, not " + grant + ".");
    }
    if (!clientId.equals(settings.clientId()) || !clientSecret.equals(settings.clientSecret())) {
      return Reply.problem(401, "invalid-api-key", "Invalid client id or client secret.", null);
    }
    Instant issuedAt = now();
    Instant expiresAt = issuedAt.plus(settings.tokenLifetime());
    String token = jwt(clientId, issuedAt, expiresAt);
    tokens.put(token, expiresAt);
    JsonObject response = new JsonObject();
    response.addProperty("access_token", token);
    response.addProperty("token_type", "Bearer");
    response.addProperty("expires_in", settings.tokenLifetime().toSeconds());
    return Reply.ok(response);
  }

  /** A JWT-shaped token whose {@code exp} matches {@code expires_in}, for clients that read it; unsigned in effect. */
  private String jwt(String clientId, Instant issuedAt, Instant expiresAt) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    JsonObject claims = new JsonObject();
    claims.addProperty("iss", baseUrl);
    claims.addProperty("sub", clientId);
    claims.addProperty("iat", issuedAt.getEpochSecond());
    claims.addProperty("exp", expiresAt.getEpochSecond());
    claims.addProperty("jti", UUID.randomUUID().toString());
    byte[] signature = new byte[32];
    random.nextBytes(signature);
    return b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + b64.encodeToString(Json.GSON.toJson(claims).getBytes(StandardCharsets.UTF_8)) + "."
        + b64.encodeToString(signature);
  }

  private Reply authenticate(Call call) {
    String header = call.authorization();
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Reply.problem(401, "invalid-api-key",
          "No bearer token: send 'Authorization: Bearer <access_token>' with a token from POST /applications/token.",
          null);
    }
    Instant expiresAt = tokens.get(header.substring(7).trim());
    if (expiresAt == null) {
      return Reply.problem(401, "invalid-api-key", "The access token is not one this server issued.", null);
    }
    if (!now().isBefore(expiresAt)) {
      return Reply.problem(401, "invalid-api-key", "The access token expired at " + expiresAt + ".", null);
    }
    return null;
  }

  // ------------------------------------------------------------------------------------------- pagination

  /** One page of {@code items} as the real server pages: {@code next} on every non-empty page, "" on an empty one. */
  private Reply page(Call call, List<JsonObject> items) {
    int limit = intParam(call, "limit", 20);
    if (limit < 1 || limit > 100) {
      return Reply.badRequest("'limit' must be between 1 and 100, not " + limit + ".");
    }
    int offset = intParam(call, "offset", 0);
    if (offset < 0) {
      return Reply.badRequest("'offset' must be 0 or more, not " + offset + ".");
    }
    int from = Math.min(offset, items.size());
    int to = (int) Math.min((long) offset + limit, items.size());
    JsonArray data = new JsonArray();
    items.subList(from, to).forEach(data::add);
    JsonObject response = new JsonObject();
    response.addProperty("previous", offset == 0 ? "" : pageUrl(call, limit, Math.max(0, offset - limit)));
    response.addProperty("next", data.isEmpty() ? "" : pageUrl(call, limit, offset + limit));
    response.add("data", data);
    return Reply.ok(response);
  }

  /** The full URL of another page: the same path and filters, then {@code limit} and {@code offset}. */
  private String pageUrl(Call call, int limit, int offset) {
    HttpUrl.Builder url = HttpUrl.get(baseUrl + call.apiPath()).newBuilder();
    for (String name : call.url().queryParameterNames()) {
      if (!name.equals("limit") && !name.equals("offset")) {
        for (String value : call.url().queryParameterValues(name)) {
          url.addQueryParameter(name, value);
        }
      }
    }
    return url.addQueryParameter("limit", Integer.toString(limit))
        .addQueryParameter("offset", Integer.toString(offset))
        .build()
        .toString();
  }

  private static int intParam(Call call, String name, int fallback) {
    String value = call.url().queryParameter(name);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new Json.BadRequest("'" + name + "' must be an integer, not '" + value + "'.");
    }
  }

  private static boolean includeDeleted(Call call) {
    String value = call.url().queryParameter("includeDeleted");
    if (value == null || value.equalsIgnoreCase("false")) {
      return false;
    }
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    throw new Json.BadRequest("'includeDeleted' must be true or false, not '" + value + "'.");
  }

  /** Values of an array query parameter, given repeated ({@code ?a=1&a=2}) or comma-separated ({@code ?a=1,2}). */
  private static Set<String> uuidsParam(Call call, String name) {
    Set<String> out = new HashSet<>();
    for (String value : call.url().queryParameterValues(name)) {
      if (value == null) {
        continue;
      }
      for (String part : value.split(",")) {
        if (!part.isBlank()) {
          out.add(uuid(part.trim(), name));
        }
      }
    }
    return out;
  }

  /** The canonical lower-case form of a UUID, or {@link Json.BadRequest}. */
  private static String uuid(String value, String what) {
    try {
      if (value.length() == 36) {
        return UUID.fromString(value).toString();
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new Json.BadRequest("'" + what + "' must be a UUID, not '" + value + "'.");
  }

  private static <T> List<T> filter(Iterable<T> all, Predicate<T> keep) {
    List<T> out = new ArrayList<>();
    for (T t : all) {
      if (keep.test(t)) {
        out.add(t);
      }
    }
    return out;
  }

  // ------------------------------------------------------------------------------------------- workspaces

  private static final class Workspace {
    final String id;
    String name;
    JsonObject notifications;
    boolean deleted;

    Workspace(String id, String name, JsonObject notifications) {
      this.id = id;
      this.name = name;
      this.notifications = notifications;
    }

    JsonObject toJson() {
      JsonObject json = new JsonObject();
      json.addProperty("workspaceId", id);
      json.addProperty("name", name);
      json.addProperty("dataResidency", "auto");
      json.add("notifications", notifications.deepCopy());
      return json;
    }
  }

  private static JsonObject defaultNotifications() {
    JsonObject notifications = new JsonObject();
    for (String kind : List.of("failure", "success", "connectionUpdate", "connectionUpdateActionRequired",
        "syncDisabled", "syncDisabledWarning")) {
      JsonObject config = new JsonObject();
      config.add("email", Json.object(Map.of("enabled", false)));
      config.add("webhook", Json.object(Map.of("enabled", false)));
      notifications.add(kind, config);
    }
    return notifications;
  }

  private Workspace workspace(String id) {
    Workspace workspace = workspaces.get(uuid(id, "workspaceId"));
    return workspace == null || workspace.deleted ? null : workspace;
  }

  private Reply createWorkspace(Call call) {
    JsonObject body = Json.parseObject(call.body());
    String name = Json.requiredString(body, "name");
    JsonObject notifications = Json.objectOrNull(body, "notifications");
    Workspace workspace = new Workspace(UUID.randomUUID().toString(), name,
        notifications == null ? defaultNotifications() : Json.merged(defaultNotifications(), notifications));
    workspaces.put(workspace.id, workspace);
    return Reply.ok(workspace.toJson());
  }

  private Reply getWorkspace(String id) {
    Workspace workspace = workspace(id);
    return workspace == null ? Reply.notFound("workspace", id) : Reply.ok(workspace.toJson());
  }

  private Reply updateWorkspace(String id, Call call) {
    Workspace workspace = workspace(id);
    if (workspace == null) {
      return Reply.notFound("workspace", id);
    }
    JsonObject body = Json.parseObject(call.body());
    String name = Json.string(body, "name");
    JsonObject notifications = Json.objectOrNull(body, "notifications");
    if (name != null) {
      workspace.name = name;
    }
    if (notifications != null) {
      workspace.notifications = Json.merged(workspace.notifications, notifications);
    }
    return Reply.ok(workspace.toJson());
  }

  private Reply deleteWorkspace(String id) {
    Workspace workspace = workspace(id);
    if (workspace == null) {
      return Reply.notFound("workspace", id);
    }
    workspace.deleted = true;
    return Reply.noContent();
  }

  private Reply listWorkspaces(Call call) {
    Set<String> ids = uuidsParam(call, "workspaceIds");
    boolean withDeleted = includeDeleted(call);
    List<JsonObject> items = new ArrayList<>();
    for (Workspace w : workspaces.values()) {
      if ((ids.isEmpty() || ids.contains(w.id)) && (withDeleted || !w.deleted)) {
        items.add(w.toJson());
      }
    }
    return page(call, items);
  }

  private Reply listDefinitions(String workspaceId, String type) {
    if (workspace(workspaceId) == null) {
      return Reply.notFound("workspace", workspaceId);
    }
    JsonArray data = new JsonArray();
    Catalog.of(type).forEach(d -> data.add(d.toDefinitionResponse()));
    JsonObject response = new JsonObject();
    response.add("data", data);
    return Reply.ok(response);
  }

  private Reply listConnectorDefinitions(Call call) {
    String type = call.url().queryParameter("type");
    if (type == null || !(type.equals("source") || type.equals("destination"))) {
      return Reply.badRequest("'type' is required: source or destination.");
    }
    String workspaceId = call.url().queryParameter("workspaceId");
    if (workspaceId != null && workspace(workspaceId) == null) {
      return Reply.notFound("workspace", workspaceId);
    }
    JsonArray data = new JsonArray();
    Catalog.of(type).forEach(d -> data.add(d.toConnectorDefinitionResponse()));
    JsonObject response = new JsonObject();
    response.add("data", data);
    return Reply.ok(response);
  }

  // ------------------------------------------------------------------------------ sources and destinations

  /** A source or a destination: the two have the same shape and operations. */
  private static final class Actor {
    final String id;
    final String type;
    final Catalog.Definition definition;
    final long createdAt;
    String name;
    String workspaceId;
    JsonObject configuration;
    JsonObject resourceAllocation;
    boolean deleted;

    Actor(String id, String type, Catalog.Definition definition, long createdAt) {
      this.id = id;
      this.type = type;
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
      // Secrets come back masked, as from the real server.
      json.add("configuration", Json.masked(configuration));
      json.addProperty("createdAt", createdAt);
      if (resourceAllocation != null) {
        json.add("resourceAllocation", resourceAllocation.deepCopy());
      }
      return json;
    }
  }

  private Map<String, Actor> actors(String type) {
    return type.equals("source") ? sources : destinations;
  }

  private Actor actor(String type, String id) {
    Actor actor = actors(type).get(uuid(id, type + "Id"));
    return actor == null || actor.deleted ? null : actor;
  }

  private Reply createActor(String type, Call call) {
    JsonObject body = Json.parseObject(call.body());
    String name = Json.requiredString(body, "name");
    String workspaceId = Json.requiredString(body, "workspaceId");
    JsonObject configuration = Json.objectOrNull(body, "configuration");
    if (configuration == null) {
      return Reply.badRequest("'configuration' is required.");
    }
    if (workspace(workspaceId) == null) {
      return Reply.notFound("workspace", workspaceId);
    }
    String definitionId = Json.string(body, "definitionId");
    Catalog.Definition definition;
    if (definitionId != null) {
      definition = Catalog.find(type, uuid(definitionId, "definitionId"));
      if (definition == null) {
        return Reply.notFound(type + "_definition", definitionId);
      }
    } else {
      String shortName = Json.string(configuration, type + "Type");
      if (shortName == null) {
        return Reply.badRequest("One of configuration." + type + "Type or definitionId must be provided.");
      }
      definition = Catalog.find(type, shortName);
      if (definition == null) {
        return Reply.badRequest("Unknown " + type + "Type '" + shortName + "'; the fake knows "
            + Catalog.of(type).stream().map(Catalog.Definition::shortName).toList() + ".");
      }
    }
    Actor actor = new Actor(UUID.randomUUID().toString(), type, definition, now().getEpochSecond());
    actor.name = name;
    actor.workspaceId = uuid(workspaceId, "workspaceId");
    actor.configuration = configuration.deepCopy();
    actor.resourceAllocation = Json.objectOrNull(body, "resourceAllocation");
    actors(type).put(actor.id, actor);
    return Reply.ok(actor.toJson());
  }

  private Reply getActor(String type, String id) {
    Actor actor = actor(type, id);
    return actor == null ? Reply.notFound(type, id) : Reply.ok(actor.toJson());
  }

  private Reply patchActor(String type, String id, Call call) {
    Actor actor = actor(type, id);
    if (actor == null) {
      return Reply.notFound(type, id);
    }
    JsonObject body = Json.parseObject(call.body());
    String name = Json.string(body, "name");
    String workspaceId = type.equals("source") ? Json.string(body, "workspaceId") : null;
    JsonObject configuration = Json.objectOrNull(body, "configuration");
    JsonObject resourceAllocation = Json.objectOrNull(body, "resourceAllocation");
    if (workspaceId != null && workspace(workspaceId) == null) {
      return Reply.notFound("workspace", workspaceId);
    }
    if (name != null) {
      actor.name = name;
    }
    if (workspaceId != null) {
      actor.workspaceId = uuid(workspaceId, "workspaceId");
    }
    if (configuration != null) {
      actor.configuration = Json.merged(actor.configuration, configuration);
    }
    if (resourceAllocation != null) {
      actor.resourceAllocation = resourceAllocation;
    }
    return Reply.ok(actor.toJson());
  }

  private Reply putActor(String type, String id, Call call) {
    Actor actor = actor(type, id);
    if (actor == null) {
      return Reply.notFound(type, id);
    }
    JsonObject body = Json.parseObject(call.body());
    String name = Json.requiredString(body, "name");
    JsonObject configuration = Json.objectOrNull(body, "configuration");
    if (configuration == null) {
      return Reply.badRequest("'configuration' is required.");
    }
    actor.name = name;
    actor.configuration = keepMaskedSecrets(actor.configuration, configuration);
    actor.resourceAllocation = Json.objectOrNull(body, "resourceAllocation");
    return Reply.ok(actor.toJson());
  }

  /** {@code replacement}, except that masked secrets sent back unchanged keep their stored values. */
  private static JsonObject keepMaskedSecrets(JsonObject stored, JsonObject replacement) {
    JsonObject result = new JsonObject();
    for (Map.Entry<String, JsonElement> e : replacement.entrySet()) {
      JsonElement old = stored.get(e.getKey());
      JsonElement value = e.getValue();
      if (old != null && value.isJsonPrimitive() && Json.MASK.equals(value.getAsString())) {
        result.add(e.getKey(), old.deepCopy());
      } else if (old != null && old.isJsonObject() && value.isJsonObject()) {
        result.add(e.getKey(), keepMaskedSecrets(old.getAsJsonObject(), value.getAsJsonObject()));
      } else {
        result.add(e.getKey(), value.deepCopy());
      }
    }
    return result;
  }

  private Reply deleteActor(String type, String id) {
    Actor actor = actor(type, id);
    if (actor == null) {
      return Reply.notFound(type, id);
    }
    actor.deleted = true;
    // Deleting a source or destination deletes the connections that use it.
    for (Connection c : connections.values()) {
      if (!c.deleted && (type.equals("source") ? c.sourceId : c.destinationId).equals(actor.id)) {
        c.delete();
      }
    }
    return Reply.noContent();
  }

  private Reply listActors(String type, Call call) {
    Set<String> ids = uuidsParam(call, "workspaceIds");
    boolean withDeleted = includeDeleted(call);
    List<JsonObject> items = new ArrayList<>();
    for (Actor a : actors(type).values()) {
      if ((ids.isEmpty() || ids.contains(a.workspaceId)) && (withDeleted || !a.deleted)) {
        items.add(a.toJson());
      }
    }
    return page(call, items);
  }

  // ------------------------------------------------------------------------------------------- connections

  private static final class Connection {
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

  private Connection connection(String id) {
    Connection connection = connections.get(uuid(id, "connectionId"));
    return connection == null || connection.deleted ? null : connection;
  }

  private Reply createConnection(Call call) {
    JsonObject body = Json.parseObject(call.body());
    String sourceId = Json.requiredString(body, "sourceId");
    String destinationId = Json.requiredString(body, "destinationId");
    Actor source = actor("source", sourceId);
    if (source == null) {
      return Reply.notFound("source", sourceId);
    }
    Actor destination = actor("destination", destinationId);
    if (destination == null) {
      return Reply.notFound("destination", destinationId);
    }
    if (!source.workspaceId.equals(destination.workspaceId)) {
      return Reply.badRequest("The source and the destination must be in the same workspace.");
    }
    Connection connection = new Connection(UUID.randomUUID().toString(), source.id, destination.id,
        source.workspaceId, now().getEpochSecond());
    connection.name = source.name + " → " + destination.name;
    applyConnectionFields(connection, body);
    connections.put(connection.id, connection);
    return Reply.ok(connection.toJson());
  }

  private static void applyConnectionFields(Connection connection, JsonObject body) {
    String name = Json.string(body, "name");
    if (name != null) {
      connection.name = name;
    }
    JsonObject schedule = Json.objectOrNull(body, "schedule");
    if (schedule != null) {
      String scheduleType = oneOf(Json.requiredString(schedule, "scheduleType"), SCHEDULE_TYPES, "scheduleType");
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
      connection.namespaceDefinition = oneOf(namespaceDefinition, NAMESPACE_DEFINITIONS, "namespaceDefinition");
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
      connection.nonBreakingSchemaUpdatesBehavior = oneOf(nonBreaking, NON_BREAKING, "nonBreakingSchemaUpdatesBehavior");
    }
    String status = Json.string(body, "status");
    if (status != null) {
      connection.status = oneOf(status, CONNECTION_STATUSES, "status");
    }
    JsonArray tags = Json.arrayOrNull(body, "tags");
    if (tags != null) {
      connection.tags = tags.deepCopy();
    }
  }

  private static String oneOf(String value, Set<String> allowed, String what) {
    if (!allowed.contains(value)) {
      throw new Json.BadRequest("'" + what + "' must be one of " + new java.util.TreeSet<>(allowed) + ", not '"
          + value + "'.");
    }
    return value;
  }

  private Reply getConnection(String id) {
    Connection connection = connection(id);
    return connection == null ? Reply.notFound("connection", id) : Reply.ok(connection.toJson());
  }

  private Reply patchConnection(String id, Call call) {
    Connection connection = connection(id);
    if (connection == null) {
      return Reply.notFound("connection", id);
    }
    applyConnectionFields(connection, Json.parseObject(call.body()));
    return Reply.ok(connection.toJson());
  }

  private Reply deleteConnection(String id) {
    Connection connection = connection(id);
    if (connection == null) {
      return Reply.notFound("connection", id);
    }
    connection.delete();
    return Reply.noContent();
  }

  private Reply listConnections(Call call) {
    Set<String> ids = uuidsParam(call, "workspaceIds");
    Set<String> tagIds = uuidsParam(call, "tagIds");
    boolean withDeleted = includeDeleted(call);
    List<JsonObject> items = new ArrayList<>();
    for (Connection c : connections.values()) {
      if ((ids.isEmpty() || ids.contains(c.workspaceId)) && (withDeleted || !c.deleted) && hasTags(c, tagIds)) {
        items.add(c.toJson());
      }
    }
    return page(call, items);
  }

  private static boolean hasTags(Connection connection, Set<String> tagIds) {
    Set<String> have = new HashSet<>();
    for (JsonElement tag : connection.tags) {
      if (tag.isJsonObject() && tag.getAsJsonObject().has("tagId")) {
        have.add(tag.getAsJsonObject().get("tagId").getAsString().toLowerCase(Locale.ROOT));
      }
    }
    return have.containsAll(tagIds);
  }

  // -------------------------------------------------------------------------------------------------- jobs

  /** A job whose status is worked out from the clock whenever it is read: no thread moves jobs along. */
  private final class Job {
    final long id;
    final String connectionId;
    final String workspaceId;
    final String jobType;
    final Instant createdAt;
    final String outcome;
    Instant cancelledAt;

    Job(long id, Connection connection, String jobType, Instant createdAt, String outcome) {
      this.id = id;
      this.connectionId = connection.id;
      this.workspaceId = connection.workspaceId;
      this.jobType = jobType;
      this.createdAt = createdAt;
      this.outcome = outcome;
    }

    Instant endsAt() {
      return createdAt.plus(settings.jobDuration());
    }

    /** Pending for the first tenth of the job's duration, running for the rest, then its outcome. */
    String status(Instant now) {
      if (cancelledAt != null && !now.isBefore(cancelledAt)) {
        return "cancelled";
      }
      if (!now.isBefore(endsAt())) {
        return outcome;
      }
      return now.isBefore(createdAt.plus(settings.jobDuration().dividedBy(10))) ? "pending" : "running";
    }

    /** When the job last changed, as of {@code now}. */
    Instant updatedAt(Instant now) {
      if (cancelledAt != null && !now.isBefore(cancelledAt)) {
        return cancelledAt;
      }
      return now.isBefore(endsAt()) ? now : endsAt();
    }

    /** Rows grow linearly while running; a job that ends other than succeeded stops half way. */
    long rows(Instant now) {
      if (jobType.equals("reset") || jobType.equals("clear")) {
        return 0;
      }
      Instant at = updatedAt(now);
      Duration pending = settings.jobDuration().dividedBy(10);
      Duration running = settings.jobDuration().minus(pending);
      if (!at.isBefore(endsAt())) {
        return outcome.equals("succeeded") ? settings.jobRows() : settings.jobRows() / 2;
      }
      Duration done = Duration.between(createdAt.plus(pending), at);
      if (done.isNegative() || running.isZero()) {
        return 0;
      }
      return (long) (settings.jobRows() * ((double) done.toNanos() / running.toNanos()));
    }

    JsonObject toJson(Instant now) {
      JsonObject json = new JsonObject();
      json.addProperty("jobId", id);
      json.addProperty("status", status(now));
      json.addProperty("jobType", jobType);
      // OffsetDateTime.toString(), as the server writes it (so whole minutes come out as "2026-01-01T00:00Z").
      json.addProperty("startTime", OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC).toString());
      json.addProperty("connectionId", connectionId);
      Instant updated = updatedAt(now);
      json.addProperty("lastUpdatedAt", OffsetDateTime.ofInstant(updated, ZoneOffset.UTC).toString());
      json.addProperty("duration", Duration.between(createdAt, updated).toString());
      long rows = rows(now);
      json.addProperty("bytesSynced", rows * BYTES_PER_ROW);
      json.addProperty("rowsSynced", rows);
      return json;
    }
  }

  private Reply createJob(Call call) {
    JsonObject body = Json.parseObject(call.body());
    String connectionId = Json.requiredString(body, "connectionId");
    String jobType = oneOf(Json.requiredString(body, "jobType"), JOB_TYPES, "jobType");
    Connection connection = connection(connectionId);
    if (connection == null) {
      return Reply.notFound("connection", connectionId);
    }
    Instant now = now();
    for (Job job : jobs.values()) {
      if (job.connectionId.equals(connection.id) && !TERMINAL.contains(job.status(now))) {
        String message = "A sync is already running for connection " + connection.id + " (job " + job.id + ").";
        return Reply.problem(409, "try-again-later", message, Json.object("message", message));
      }
    }
    String outcome = jobOutcomes.isEmpty() ? "succeeded" : jobOutcomes.poll();
    Job job = new Job(nextJobId++, connection, jobType, now, outcome);
    jobs.put(job.id, job);
    return Reply.ok(job.toJson(now));
  }

  private Job job(String id) {
    try {
      return jobs.get(Long.parseLong(id));
    } catch (NumberFormatException e) {
      throw new Json.BadRequest("'jobId' must be an integer, not '" + id + "'.");
    }
  }

  private Reply getJob(String id) {
    Job job = job(id);
    return job == null ? Reply.notFound("job", id) : Reply.ok(job.toJson(now()));
  }

  /** Cancels a job that has not ended; a job that has ended is returned as it is. */
  private Reply cancelJob(String id) {
    Job job = job(id);
    if (job == null) {
      return Reply.notFound("job", id);
    }
    Instant now = now();
    if (!TERMINAL.contains(job.status(now))) {
      job.cancelledAt = now;
    }
    return Reply.ok(job.toJson(now));
  }

  private Reply listJobs(Call call) {
    Instant now = now();
    String connectionId = call.url().queryParameter("connectionId");
    String wantedConnection = connectionId == null ? null : uuid(connectionId, "connectionId");
    String status = call.url().queryParameter("status");
    if (status != null) {
      oneOf(status, JOB_STATUSES, "status");
    }
    String jobType = call.url().queryParameter("jobType");
    if (jobType != null) {
      oneOf(jobType, JOB_TYPES, "jobType");
    }
    Set<String> workspaceIds = uuidsParam(call, "workspaceIds");
    Instant createdFrom = instantParam(call, "createdAtStart");
    Instant createdTo = instantParam(call, "createdAtEnd");
    Instant updatedFrom = instantParam(call, "updatedAtStart");
    Instant updatedTo = instantParam(call, "updatedAtEnd");
    List<Job> matching = filter(jobs.values(), j -> (wantedConnection == null || j.connectionId.equals(wantedConnection))
        && (status == null || j.status(now).equals(status))
        && (jobType == null || j.jobType.equals(jobType))
        && (workspaceIds.isEmpty() || workspaceIds.contains(j.workspaceId))
        && (createdFrom == null || !j.createdAt.isBefore(createdFrom))
        && (createdTo == null || !j.createdAt.isAfter(createdTo))
        && (updatedFrom == null || !j.updatedAt(now).isBefore(updatedFrom))
        && (updatedTo == null || !j.updatedAt(now).isAfter(updatedTo)));
    matching.sort(order(call.url().queryParameter("orderBy"), now));
    return page(call, matching.stream().map(j -> j.toJson(now)).toList());
  }

  /** {@code orderBy} as {@code field|ASC} or {@code field|DESC} on createdAt or updatedAt; newest first by default. */
  private Comparator<Job> order(String orderBy, Instant now) {
    String field = "createdAt";
    boolean descending = true;
    if (orderBy != null) {
      String[] parts = orderBy.split("\\|");
      if (parts.length != 2 || !(parts[0].equals("createdAt") || parts[0].equals("updatedAt"))
          || !(parts[1].equals("ASC") || parts[1].equals("DESC"))) {
        throw new Json.BadRequest("'orderBy' must be createdAt|ASC, createdAt|DESC, updatedAt|ASC or updatedAt|DESC.");
      }
      field = parts[0];
      descending = parts[1].equals("DESC");
    }
    Comparator<Job> byTime = field.equals("createdAt")
        ? Comparator.comparing((Job j) -> j.createdAt)
        : Comparator.comparing((Job j) -> j.updatedAt(now));
    Comparator<Job> order = byTime.thenComparingLong(j -> j.id);
    return descending ? order.reversed() : order;
  }

  private static Instant instantParam(Call call, String name) {
    String value = call.url().queryParameter(name);
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new Json.BadRequest("'" + name + "' must be an ISO-8601 date-time, not '" + value + "'.");
    }
  }
}
