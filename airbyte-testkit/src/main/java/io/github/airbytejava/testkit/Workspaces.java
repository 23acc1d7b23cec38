package io.github.airbytejava.testkit;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The tag Workspaces: create, get, list, PATCH, delete, and OAuth credential overrides. The fake starts with one
 * workspace, kept across resets. Every workspace belongs to an organization (the fake's own unless the create names
 * another) and may name a region.
 */
final class Workspaces implements ResourceGroup {

  static final class Workspace {
    final String id;
    final String organizationId;
    String regionId;
    String name;
    JsonObject notifications;
    boolean deleted;

    Workspace(String id, String organizationId, String name, JsonObject notifications) {
      this.id = id;
      this.organizationId = organizationId;
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

  private final Context context;
  private final Organizations organizations;
  private final Regions regions;
  private final OAuthOverrides oauthOverrides;
  private final String defaultWorkspaceId = UUID.randomUUID().toString();
  private final Map<String, Workspace> workspaces = new LinkedHashMap<>();

  Workspaces(Context context, Organizations organizations, Regions regions, Connectors connectors) {
    this.context = context;
    this.organizations = organizations;
    this.regions = regions;
    this.oauthOverrides = new OAuthOverrides(connectors);
    reset();
  }

  @Override
  public void routes(Routes routes) {
    routes.get("/workspaces", "listWorkspaces", this::list);
    routes.post("/workspaces", "createWorkspace", this::create);
    routes.get("/workspaces/{workspaceId}", "getWorkspace", this::get);
    routes.patch("/workspaces/{workspaceId}", "updateWorkspace", this::update);
    routes.delete("/workspaces/{workspaceId}", "deleteWorkspace", this::delete);
    routes.put("/workspaces/{workspaceId}/oauthCredentials", "createOrUpdateWorkspaceOAuthCredentials",
        call -> oauthOverrides.put(require(call.path("workspaceId")).id, call));
    routes.delete("/workspaces/{workspaceId}/oauthCredentials/{actorType}/{name}", "deleteWorkspaceOAuthCredentials",
        call -> oauthOverrides.delete(require(call.path("workspaceId")).id, call));
  }

  @Override
  public void reset() {
    workspaces.clear();
    oauthOverrides.reset();
    Workspace workspace = new Workspace(defaultWorkspaceId, organizations.defaultOrganization().id(),
        "Default Workspace", defaultNotifications());
    workspaces.put(workspace.id, workspace);
  }

  String defaultWorkspaceId() {
    return defaultWorkspaceId;
  }

  /** The workspace with this id, unless deleted; null when there is none. {@link Json.BadRequest} if not a UUID. */
  Workspace find(String id) {
    Workspace workspace = workspaces.get(Check.uuid(id, "workspaceId"));
    return workspace == null || workspace.deleted ? null : workspace;
  }

  /** The workspace, unless deleted, or a {@link Reply.Refusal} with the 404. */
  Workspace require(String id) {
    Workspace workspace = find(id);
    if (workspace == null) {
      throw new Reply.Refusal(Reply.notFound("workspace", id));
    }
    return workspace;
  }

  /** The organization a workspace (deleted or not) belongs to, or null for an unknown id. */
  String organizationOf(String workspaceId) {
    Workspace workspace = workspaces.get(workspaceId);
    return workspace == null ? null : workspace.organizationId;
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

  private Reply create(Call call) {
    JsonObject body = call.json();
    String name = Json.requiredString(body, "name");
    JsonObject notifications = Json.objectOrNull(body, "notifications");
    String organizationId = Json.string(body, "organizationId");
    String organization = organizationId == null ? organizations.defaultOrganization().id()
        : organizations.require(organizationId).id();
    String regionId = Json.string(body, "regionId");
    Workspace workspace = new Workspace(UUID.randomUUID().toString(), organization, name,
        notifications == null ? defaultNotifications() : Json.merged(defaultNotifications(), notifications));
    workspace.regionId = regionId == null ? null : regions.require(regionId).id;
    workspaces.put(workspace.id, workspace);
    return Reply.ok(workspace.toJson());
  }

  private Reply get(Call call) {
    Workspace workspace = find(call.path("workspaceId"));
    return workspace == null ? Reply.notFound("workspace", call.path("workspaceId")) : Reply.ok(workspace.toJson());
  }

  private Reply update(Call call) {
    Workspace workspace = find(call.path("workspaceId"));
    if (workspace == null) {
      return Reply.notFound("workspace", call.path("workspaceId"));
    }
    JsonObject body = call.json();
    String name = Json.string(body, "name");
    JsonObject notifications = Json.objectOrNull(body, "notifications");
    String regionId = Json.string(body, "regionId");
    if (regionId != null) {
      workspace.regionId = regions.require(regionId).id;
    }
    if (name != null) {
      workspace.name = name;
    }
    if (notifications != null) {
      workspace.notifications = Json.merged(workspace.notifications, notifications);
    }
    return Reply.ok(workspace.toJson());
  }

  private Reply delete(Call call) {
    Workspace workspace = find(call.path("workspaceId"));
    if (workspace == null) {
      return Reply.notFound("workspace", call.path("workspaceId"));
    }
    workspace.deleted = true;
    return Reply.noContent();
  }

  private Reply list(Call call) {
    Set<String> ids = call.uuidsQuery("workspaceIds");
    boolean withDeleted = call.includeDeleted();
    List<Workspace> items = new ArrayList<>();
    for (Workspace w : workspaces.values()) {
      if ((ids.isEmpty() || ids.contains(w.id)) && (withDeleted || !w.deleted)) {
        items.add(w);
      }
    }
    return Page.of(context, call, items, Workspace::toJson);
  }
}
