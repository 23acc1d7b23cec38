package io.github.airbytejava.testkit;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The tag Permissions: a user's role on a workspace ({@code workspace_*} roles, with {@code workspaceId}) or on an
 * organization ({@code organization_*} roles, with {@code organizationId}). The caller starts as
 * {@code organization_admin} of the fake's organization. One role per user and scope (a second is a 409).
 */
final class Permissions implements ResourceGroup {

  /** Every role ({@code PermissionType}), from the spec. */
  static final Set<String> TYPES = SpecFacts.bundled().enumValues("PermissionType");
  /** The roles {@code POST /permissions} grants ({@code PublicPermissionType}), from the spec. */
  static final Set<String> PUBLIC_TYPES = SpecFacts.bundled().enumValues("PublicPermissionType");

  static final class Permission {
    final String id;
    final String userId;
    final String workspaceId;
    final String organizationId;
    String type;

    Permission(String id, String type, String userId, String workspaceId, String organizationId) {
      this.id = id;
      this.type = type;
      this.userId = userId;
      this.workspaceId = workspaceId;
      this.organizationId = organizationId;
    }

    JsonObject toJson() {
      JsonObject json = new JsonObject();
      json.addProperty("permissionId", id);
      json.addProperty("permissionType", type);
      json.addProperty("userId", userId);
      if (workspaceId != null) {
        json.addProperty("workspaceId", workspaceId);
      }
      if (organizationId != null) {
        json.addProperty("organizationId", organizationId);
      }
      return json;
    }

    /** PermissionResponseRead, as the list answers: the scope named instead of the two ids. */
    JsonObject toScopedJson() {
      JsonObject json = new JsonObject();
      json.addProperty("permissionId", id);
      json.addProperty("permissionType", type);
      json.addProperty("userId", userId);
      json.addProperty("scopeId", workspaceId != null ? workspaceId : organizationId);
      json.addProperty("scope", workspaceId != null ? "workspace" : "organization");
      return json;
    }
  }

  private final Users users;
  private final Organizations organizations;
  private final Workspaces workspaces;
  private final Map<String, Permission> permissions = new LinkedHashMap<>();

  Permissions(Users users, Organizations organizations, Workspaces workspaces) {
    this.users = users;
    this.organizations = organizations;
    this.workspaces = workspaces;
    reset();
  }

  @Override
  public void routes(Routes routes) {
    routes.get("/permissions", "listPermissions", this::list);
    routes.post("/permissions", "createPermission", this::create);
    routes.get("/permissions/{permissionId}", "getPermission",
        call -> Reply.ok(require(call.path("permissionId")).toJson()));
    routes.patch("/permissions/{permissionId}", "updatePermission", this::update);
    routes.delete("/permissions/{permissionId}", "deletePermission", this::delete);
  }

  @Override
  public void reset() {
    permissions.clear();
    Permission admin = new Permission(UUID.randomUUID().toString(), "organization_admin", users.defaultUser().id(),
        null, organizations.defaultOrganization().id());
    permissions.put(admin.id, admin);
  }

  /**
   * The workspace or organization a role of this type applies to, from the request's two ids: a
   * {@code workspace_*} role needs exactly the workspace, an {@code organization_*} role exactly the organization.
   * Returns {workspaceId, organizationId}, one of them null.
   */
  static String[] scope(String type, String workspaceId, String organizationId, Workspaces workspaces,
      Organizations organizations) {
    boolean workspaceRole = type.startsWith("workspace_");
    boolean organizationRole = type.startsWith("organization_");
    if (workspaceRole && (workspaceId == null || organizationId != null)) {
      throw new Json.BadRequest("A " + type + " role needs 'workspaceId' and no 'organizationId'.");
    }
    if (organizationRole && (organizationId == null || workspaceId != null)) {
      throw new Json.BadRequest("A " + type + " role needs 'organizationId' and no 'workspaceId'.");
    }
    if (!workspaceRole && !organizationRole) {
      throw new Json.BadRequest("The fake gives only workspace and organization roles, not " + type + ".");
    }
    if (workspaceRole) {
      Workspaces.Workspace workspace = workspaces.find(workspaceId);
      if (workspace == null) {
        throw new Reply.Refusal(Reply.notFound("workspace", workspaceId));
      }
      return new String[] {workspace.id, null};
    }
    return new String[] {null, organizations.require(organizationId).id()};
  }

  private Permission require(String id) {
    Permission permission = permissions.get(Check.uuid(id, "permissionId"));
    if (permission == null) {
      throw new Reply.Refusal(Reply.notFound("permission", id));
    }
    return permission;
  }

  private Reply create(Call call) {
    JsonObject body = call.json();
    String type = Check.oneOf(Json.requiredString(body, "permissionType"), PUBLIC_TYPES, "permissionType");
    String userId = users.require(Json.requiredString(body, "userId")).id();
    String[] scope = scope(type, Json.string(body, "workspaceId"), Json.string(body, "organizationId"), workspaces,
        organizations);
    for (Permission p : permissions.values()) {
      if (p.userId.equals(userId) && java.util.Objects.equals(p.workspaceId, scope[0])
          && java.util.Objects.equals(p.organizationId, scope[1])) {
        String message = "The user already has the role " + p.type + " there (permission " + p.id + ").";
        return Reply.problem(409, "state-conflict", message, Json.object("message", message));
      }
    }
    Permission permission = new Permission(UUID.randomUUID().toString(), type, userId, scope[0], scope[1]);
    permissions.put(permission.id, permission);
    return Reply.ok(permission.toJson());
  }

  private Reply update(Call call) {
    Permission permission = require(call.path("permissionId"));
    String type = Check.oneOf(Json.requiredString(call.json(), "permissionType"), TYPES, "permissionType");
    boolean workspaceRole = type.startsWith("workspace_");
    if (workspaceRole != (permission.workspaceId != null) || type.equals("instance_admin")) {
      return Reply.badRequest("The role " + type + " does not apply to the permission's "
          + (permission.workspaceId != null ? "workspace" : "organization") + ".");
    }
    permission.type = type;
    return Reply.ok(permission.toJson());
  }

  private Reply delete(Call call) {
    permissions.remove(require(call.path("permissionId")).id);
    return Reply.noContent();
  }

  private Reply list(Call call) {
    String userId = call.uuidQuery("userId");
    String organizationId = call.uuidQuery("organizationId");
    JsonArray data = new JsonArray();
    for (Permission p : permissions.values()) {
      String organizationOf = p.organizationId != null ? p.organizationId : workspaces.organizationOf(p.workspaceId);
      if ((userId == null || p.userId.equals(userId))
          && (organizationId == null || organizationId.equals(organizationOf))) {
        data.add(p.toScopedJson());
      }
    }
    return Reply.data(data);
  }
}
